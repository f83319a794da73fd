package org.layercanvas.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.Edge;
import org.layercanvas.model.LrSchedule;
import org.layercanvas.model.Metadata;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.Optimizer;
import org.layercanvas.model.PortRef;
import org.layercanvas.model.Position;
import org.layercanvas.model.Split;
import org.layercanvas.model.TrainingSettings;
import org.layercanvas.model.layers.LayerType;

class DocumentJsonPropertyTest {

    @Property(tries = 300)
    void readOfWriteIsIdentity(@ForAll("documents") NetworkDocument doc) throws Exception {
        String json = DocumentJson.write(doc);
        NetworkDocument back = DocumentJson.read(json, "random.lcnet");
        assertThat(back).isEqualTo(doc);
        assertThat(DocumentJson.write(back)).isEqualTo(json);
    }

    // ---- generators ----------------------------------------------------------------------------------------

    static Arbitrary<String> texts() {
        return Arbitraries.strings()
                .withCharRange(' ', '~')
                .withCharRange('\u0000', '\u001f')
                .withCharRange('\u4e00', '\u4e2f')
                .withChars('\u00e9', '\u2028', '\u2029', '\u007f', '\uffff', '"', '\\', '/')
                .ofMaxLength(12);
    }

    static Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(
                Arbitraries.doubles(),
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
                Arbitraries.of(0.0, -0.0, 1.0, -1.0, 1e-3, 100.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e21, 1e-7));
    }

    static Arbitrary<Object> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().filter(l -> l < Integer.MIN_VALUE || l > Integer.MAX_VALUE).map(l -> (Object) l),
                doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                texts().map(s -> (Object) s));
    }

    static Arbitrary<Map<String, Object>> scalarMaps() {
        return Arbitraries.maps(texts(), scalars()).ofMaxSize(5).map(LinkedHashMap::new);
    }

    static Arbitrary<TrainingSettings> trainings() {
        Arbitrary<LrSchedule> schedule = Combinators.combine(Arbitraries.of(LrSchedule.Type.class), doubles(),
                Arbitraries.integers()).as(LrSchedule::new);
        return Combinators.combine(
                Arbitraries.of(Optimizer.class), doubles(), doubles(), schedule, Arbitraries.integers(),
                Arbitraries.integers(), doubles(), Arbitraries.longs()
        ).flatAs((opt, lr, mom, sched, batch, epochs, wd, seed) -> Combinators.combine(
                Arbitraries.integers(), doubles()).as((patience, clip) ->
                new TrainingSettings(opt, lr, mom, sched, batch, epochs, wd, seed, patience, clip)));
    }

    static Arbitrary<DatasetSpec> datasets() {
        Arbitrary<Split> split = Combinators.combine(doubles(), doubles(), doubles()).as(Split::new);
        return Combinators.combine(texts(), scalarMaps(), split, Arbitraries.longs()).as(DatasetSpec::new);
    }

    @Provide
    Arbitrary<NetworkDocument> documents() {
        Arbitrary<List<String>> ids = texts().list().uniqueElements().ofMaxSize(8);
        Arbitrary<Metadata> metadata = Combinators.combine(texts(), texts()).as(Metadata::new);
        return ids.flatMap(idList -> {
            Arbitrary<List<Node>> nodes = Combinators.combine(
                    Arbitraries.of(LayerType.class).list().ofSize(idList.size()),
                    scalarMaps().list().ofSize(idList.size()),
                    Combinators.combine(doubles(), doubles()).as(Position::new).list().ofSize(idList.size())
            ).as((types, params, positions) -> {
                List<Node> list = new ArrayList<>();
                for (int i = 0; i < idList.size(); i++) {
                    list.add(new Node(idList.get(i), types.get(i), params.get(i), positions.get(i)));
                }
                return list;
            });
            Arbitrary<String> endpoint = idList.isEmpty() ? texts()
                    : Arbitraries.oneOf(Arbitraries.of(idList), texts());
            Arbitrary<PortRef> port = Combinators.combine(endpoint, Arbitraries.of("in", "out", "x"))
                    .as(PortRef::new);
            Arbitrary<List<Edge>> edges = Combinators.combine(port, port).as(Edge::new).list().ofMaxSize(10);
            return Combinators.combine(metadata, nodes, edges, datasets().injectNull(0.3), trainings())
                    .as(NetworkDocument::new);
        });
    }
}
