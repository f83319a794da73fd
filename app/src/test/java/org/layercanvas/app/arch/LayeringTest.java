package org.layercanvas.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering the architecture document promises, checked on the compiled classes of every module: the
 * reusable controls know nothing of networks, the engine knows nothing of the UI, and the app's views leave loading
 * and compiling to view models and services.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.layercanvas");
    }

    @Test
    void theEditorAndTheChartsKnowNothingOfNetworks() {
        noClasses().that().resideInAnyPackage("org.layercanvas.grapheditor..", "org.layercanvas.charts..")
                .should().dependOnClassesThat().resideInAnyPackage("org.layercanvas.model..",
                        "org.layercanvas.runtime..", "org.layercanvas.app..", "org.nd4j..", "org.deeplearning4j..")
                .because("GraphEditor and LiveChart are generic controls; the app adapts the document to them")
                .check(classes);
    }

    @Test
    void textsAndNumbersDependOnNothingOfOurs() {
        noClasses().that().resideInAPackage("org.layercanvas.i18n..")
                .should().dependOnClassesThat().resideInAnyPackage("org.layercanvas.model..",
                        "org.layercanvas.runtime..", "org.layercanvas.app..", "org.layercanvas.grapheditor..",
                        "org.layercanvas.charts..", "javafx..")
                .because("every module, the generic controls too, reads its texts through it")
                .check(classes);
    }

    @Test
    void theRuntimeAndTheModelNeverReachTheUi() {
        noClasses().that().resideInAnyPackage("org.layercanvas.runtime..", "org.layercanvas.model..",
                        "org.layercanvas.samples..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.layercanvas.app..",
                        "org.layercanvas.grapheditor..", "org.layercanvas.charts..")
                .because("the engine runs in a worker process without a window")
                .check(classes);
    }

    @Test
    void viewsLeaveLoadingCompilingAndTrainingToViewModelsAndServices() {
        noClasses().that().resideInAPackage("org.layercanvas.app..").and().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.layercanvas.runtime.data.DatasetLoader")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.layercanvas.runtime.data.CsvImporter")
                .orShould().dependOnClassesThat()
                .haveFullyQualifiedName("org.layercanvas.runtime.compile.GraphCompiler")
                .orShould().dependOnClassesThat()
                .haveFullyQualifiedName("org.layercanvas.runtime.train.TrainingSession")
                .orShould().dependOnClassesThat().resideInAPackage("org.layercanvas.runtime.worker..")
                .because("views only bind and forward (docs/ARCHITECTURE.md, MVVM)")
                .check(classes);
    }

    @Test
    void noViewMakesItsOwnThreads() {
        noClasses().that().resideInAPackage("org.layercanvas.app..").and().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
                .because("background work runs on the window's TaskExecutor, which ends with the window")
                .check(classes);
    }

    @Test
    void inTheAppOnlyTheDialogServiceBuildsAlerts() {
        noClasses().that().resideInAPackage("org.layercanvas.app..")
                .and().doNotHaveFullyQualifiedName("org.layercanvas.app.main.Dialogs")
                .should().callConstructorWhere(com.tngtech.archunit.core.domain.JavaConstructorCall.Predicates
                        .target(com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With
                                .owner(com.tngtech.archunit.core.domain.JavaClass.Predicates
                                        .assignableTo(javafx.scene.control.Alert.class))))
                .because("every message and question looks and behaves the same (owner, title, id for tests)")
                .check(classes);
    }
}
