package org.layercanvas.runtime.engine.plan;

import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.RandomOp;
import org.nd4j.linalg.cpu.nativecpu.buffer.BaseCpuDataBuffer;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.OpaqueDataBuffer;

/**
 * A legacy libnd4j random kernel ({@code z = f(x, random)}) prepared once and drawing from ND4J's random generator
 * of the calling thread, as {@code Nd4j.getExecutioner().exec(op, Nd4j.getRandom())} would, without its Java-side
 * work. Same generator, same kernel, same draws: DL4J's dropout masks come out identical.
 */
final class RandomKernel implements Step {
    private final int opNum;
    private final OpaqueDataBuffer x;
    private final LongPointer xShape;
    private final OpaqueDataBuffer z;
    private final LongPointer zShape;
    private final Pointer extraArgs;
    /** Kept reachable: the native side uses their memory. */
    private final Object[] keep;

    private RandomKernel(RandomOp op, INDArray in, INDArray out) {
        this.opNum = op.opNum();
        this.x = ((BaseCpuDataBuffer) in.data()).getOpaqueDataBuffer();
        this.xShape = (LongPointer) in.shapeInfoDataBuffer().addressPointer();
        this.z = ((BaseCpuDataBuffer) out.data()).getOpaqueDataBuffer();
        this.zShape = (LongPointer) out.shapeInfoDataBuffer().addressPointer();
        DataBuffer extra = op.extraArgsDataBuff(out.dataType());
        this.extraArgs = extra == null ? null : extra.addressPointer();
        this.keep = new Object[] {op, in, out, extra};
    }

    static RandomKernel of(RandomOp op, INDArray in, INDArray out) {
        return new RandomKernel(op, in, out);
    }

    @Override
    public void run() {
        NativeOp.OPS.execRandom2(null, opNum, Nd4j.getRandom().getStatePointer(), x, xShape, null, z, zShape, null,
                extraArgs);
        if (NativeOp.OPS.lastErrorCode() != 0) {
            throw new PlanException("libnd4j random kernel " + opNum + " failed: " + NativeOp.OPS.lastErrorMessage());
        }
    }

    @Override
    public String toString() {
        return "random " + opNum + " (" + keep.length + " arrays)";
    }
}
