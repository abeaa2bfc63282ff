package org.importdesk.engine.inference;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One loaded, verified network. Thread-safe (calls are serialised). */
public final class NetworkModel implements AutoCloseable {

    private final ModelManifest manifest;
    private final Model model;
    private final Device device;

    private NetworkModel(ModelManifest manifest, Model model, Device device) {
        this.manifest = manifest;
        this.model = model;
        this.device = device;
    }

    /**
     * Loads the weights named by the manifest in {@code dir}, after checking their SHA-256 against the manifest.
     *
     * @throws IOException when the weights are missing, altered or unreadable
     */
    public static NetworkModel load(Path dir, ModelManifest manifest) throws IOException {
        if (!CompactCnn.NAME.equals(manifest.architecture())) {
            throw new IOException("model " + manifest.name() + ": unknown architecture '" + manifest.architecture()
                    + "' (this ImportDesk builds " + CompactCnn.NAME + ")");
        }
        Path weights = dir.resolve(manifest.weightsFile());
        if (!Files.isRegularFile(weights)) {
            throw new IOException("model " + manifest.name() + ": weights file missing: " + weights);
        }
        String actual = Sha256.of(weights);
        if (!actual.equalsIgnoreCase(manifest.weightsSha256())) {
            throw new IOException("model " + manifest.name() + ": SHA-256 of " + weights + " is " + actual
                    + ", the manifest says " + manifest.weightsSha256() + " (altered or wrong weights; not loaded)");
        }
        SequentialBlock net = CompactCnn.build(manifest.classCodes().size());
        Device device = InferenceEnvironment.device();
        Model model = Model.newInstance(manifest.name(), device, "PyTorch");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(weights))) {
            net.loadParameters(model.getNDManager(), new DataInputStream(in));
            model.setBlock(net);
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw new IOException("model " + manifest.name() + ": cannot load " + weights + ": " + e.getMessage(), e);
        }
        return new NetworkModel(manifest, model, device);
    }

    /** Wraps a block trained in this process (the trainer's evaluation path). */
    static NetworkModel of(ModelManifest manifest, Model model) {
        return new NetworkModel(manifest, model, model.getNDManager().getDevice());
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public Device device() {
        return device;
    }

    /** Raw logits for each input (3 x S x S floats in [0,1], channel-major). */
    public synchronized List<float[]> logits(List<float[]> inputs) {
        int size = manifest.input().size();
        int length = 3 * size * size;
        List<float[]> result = new ArrayList<>(inputs.size());
        if (inputs.isEmpty()) {
            return result;
        }
        FloatBuffer buffer = FloatBuffer.allocate(inputs.size() * length);
        for (float[] input : inputs) {
            if (input.length != length) {
                throw new IllegalArgumentException("model " + manifest.name() + " takes 3 x " + size + " x " + size
                        + " = " + length + " floats, got " + input.length);
            }
            buffer.put(input);
        }
        buffer.flip();
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray x = manager.create(buffer, CompactCnn.inputShape(inputs.size(), size));
            NDArray out = model.getBlock().forward(new ParameterStore(manager, false), new NDList(x), false)
                    .singletonOrThrow();
            float[] flat = out.toFloatArray();
            int classes = manifest.classCodes().size();
            for (int i = 0; i < inputs.size(); i++) {
                float[] row = new float[classes];
                System.arraycopy(flat, i * classes, row, 0, classes);
                result.add(row);
            }
        }
        return result;
    }

    public Prediction predict(float[] input) {
        return toPrediction(logits(List.of(input)).get(0));
    }

    public List<Prediction> predict(List<float[]> inputs) {
        return logits(inputs).stream().map(this::toPrediction).toList();
    }

    private Prediction toPrediction(float[] logits) {
        double[] p = Calibration.softmax(logits, manifest.temperature());
        int best = Calibration.argmax(logits);
        return new Prediction(manifest.classCodes().get(best), p[best], manifest.classCodes(), logits, p);
    }

    @Override
    public void close() {
        model.close();
    }
}
