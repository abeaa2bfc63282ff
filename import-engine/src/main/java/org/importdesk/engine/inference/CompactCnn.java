package org.importdesk.engine.inference;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;

/**
 * The project's compact CNN ({@value #NAME}): three conv-BN-ReLU-maxpool stages (16, 32, 64 channels), a last block of
 * two 128-channel convolutions, global average pooling and a linear classifier. About 245 k parameters (1 MB of
 * float32 weights); any input size S >= 16 works (global pooling). Pretrained backbones (ResNet, DenseNet as in the
 * paper) cannot be downloaded here; this network is small enough to train from scratch on 2 CPU cores.
 *
 * <p>Layout: {@code net = [features, head]}, {@code features = [stage1, stage2, stage3, lastBlock]}. Fine-tuning on a
 * backbone trains only {@code lastBlock} and {@code head}, as the paper does.
 */
public final class CompactCnn {

    public static final String NAME = "compact-cnn-v1";

    private CompactCnn() {
    }

    public static SequentialBlock build(int classes) {
        return new SequentialBlock().add(features()).add(head(classes));
    }

    public static SequentialBlock features() {
        return new SequentialBlock()
                .add(stage(16))
                .add(stage(32))
                .add(stage(64))
                .add(new SequentialBlock().add(conv(128)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                        .add(conv(128)).add(BatchNorm.builder().build()).add(Activation.reluBlock()));
    }

    public static SequentialBlock head(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("a classifier needs at least one class: " + classes);
        }
        return new SequentialBlock()
                .add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Dropout.builder().optRate(0.2f).build())
                .add(Linear.builder().setUnits(classes).build());
    }

    public static SequentialBlock featuresOf(SequentialBlock net) {
        return (SequentialBlock) net.getChildren().get(0).getValue();
    }

    /** The blocks the paper trains on a backbone: the last feature block and the classifier. */
    public static void freezeAllButLastBlockAndHead(SequentialBlock net) {
        net.freezeParameters(true);
        var stages = featuresOf(net).getChildren();
        // batch-norm running statistics are buffers, never trainable
        java.util.function.Predicate<ai.djl.nn.Parameter> trainable =
                p -> p.getType() != ai.djl.nn.Parameter.Type.RUNNING_MEAN
                        && p.getType() != ai.djl.nn.Parameter.Type.RUNNING_VAR;
        stages.get(stages.size() - 1).getValue().freezeParameters(false, trainable);
        net.getChildren().get(1).getValue().freezeParameters(false, trainable);
    }

    public static Shape inputShape(int batch, int size) {
        return new Shape(batch, 3, size, size);
    }

    private static Block stage(int filters) {
        return new SequentialBlock().add(conv(filters)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
    }

    private static Block conv(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).optBias(false)
                .setFilters(filters).build();
    }
}
