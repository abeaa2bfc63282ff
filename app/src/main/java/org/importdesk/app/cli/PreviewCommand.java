package org.importdesk.app.cli;

import org.importdesk.engine.dicom.DecodedFrames;
import org.importdesk.engine.dicom.FrameChoice;
import org.importdesk.engine.dicom.PixelDecoder;
import org.importdesk.engine.dicom.PixelFrame;
import org.importdesk.engine.dicom.VoiWindow;
import org.importdesk.engine.imaging.FrameRenderer;
import org.importdesk.engine.imaging.ImageResult;
import org.importdesk.engine.imaging.NetworkInput;
import org.importdesk.engine.imaging.NetworkInputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code importdesk preview FILE --out x.png}: renders one image headless. With a folder (or several files) and
 * {@code --network-input S}: writes MOMO's input channels (first/middle/last or the three MIPs) as PNGs.
 */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Render a DICOM image to PNG, or a series' network input / MIPs with --network-input.")
public final class PreviewCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "a DICOM file; or a series' files or folder")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "PNG",
            description = "output PNG; with --network-input, PNG names get -0, -1, -2")
    Path out;

    @Option(names = "--frame", defaultValue = "-1", description = "0-based frame (default: the middle one)")
    int frame;

    @Option(names = "--window", split = ",", paramLabel = "C,W", description = "window centre,width (default: the file's first, else min/max)")
    List<Double> window;

    @Option(names = "--network-input", paramLabel = "S", description = "write MOMO's S x S network input channels instead")
    Integer networkInput;

    @Option(names = "--layout", defaultValue = "MOMO", description = "with --network-input: MOMO or MIDDLE_IMAGE; "
            + "default ${DEFAULT-VALUE}")
    org.importdesk.engine.imaging.InputEncoding.Layout layout;

    @Option(names = "--scaling", defaultValue = "MIN_MAX", description = "with --network-input: MIN_MAX or "
            + "DISPLAY_WINDOW (what a model's manifest names); default ${DEFAULT-VALUE}")
    org.importdesk.engine.imaging.InputEncoding.Scaling scaling;

    @Override
    public Integer call() throws Exception {
        if (window != null && (window.size() != 2 || !(window.get(1) > 0))) {
            System.err.println("--window needs centre,width with width > 0");
            return 2;
        }
        for (Path p : inputs) {
            if (!Files.exists(p)) {
                System.err.println("no such file: " + p);
                return 2;
            }
        }
        if (networkInput != null) {
            return writeNetworkInput();
        }
        if (inputs.size() != 1 || Files.isDirectory(inputs.get(0))) {
            System.err.println("give one file (or use --network-input for a series)");
            return 2;
        }
        DecodedFrames decoded = PixelDecoder.standard().decode(inputs.get(0),
                frame < 0 ? FrameChoice.MIDDLE : FrameChoice.of(frame));
        if (!decoded.decoded()) {
            System.err.println(inputs.get(0) + ": " + (decoded.reason().startsWith("no preview: no frame")
                    ? "no frame " + frame + " (the file has " + decoded.numberOfFrames() + ")" : decoded.reason()));
            return 1;
        }
        PixelFrame f = decoded.first();
        VoiWindow w = window != null ? new VoiWindow(window.get(0), window.get(1)) : FrameRenderer.defaultWindow(f);
        BufferedImage image = FrameRenderer.render(f, w);
        write(image, out);
        System.out.printf("%s: frame %d of %d, %dx%d %s, values %.1f..%.1f, window %.1f/%.1f -> %s%n",
                inputs.get(0).getFileName(), f.frameIndex() + 1, decoded.numberOfFrames(), f.columns(), f.rows(),
                f.photometricInterpretation(), f.min(), f.max(), w.centre(), w.width(), out);
        return 0;
    }

    private int writeNetworkInput() throws Exception {
        if (networkInput < 8) {
            System.err.println("--network-input must be at least 8");
            return 2;
        }
        List<Path> files = inputs.size() == 1 && Files.isDirectory(inputs.get(0)) ? listFiles(inputs.get(0)) : inputs;
        ImageResult<NetworkInput> r = new NetworkInputs().ofFiles(files, networkInput,
                new org.importdesk.engine.imaging.InputEncoding(layout, scaling));
        if (!r.present()) {
            System.err.println(r.reason());
            return 1;
        }
        NetworkInput in = r.get();
        String name = out.getFileName().toString().replaceFirst("\\.png$", "");
        for (int c = 0; c < NetworkInput.CHANNELS; c++) {
            Path target = out.resolveSibling(name + "-" + c + ".png");
            write(in.channelImage(c), target);
            System.out.println(target);
        }
        System.out.printf("%s of %d images, %dx%d%n", in.representation(), in.imageCount(), in.size(), in.size());
        return 0;
    }

    private static List<Path> listFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void write(BufferedImage image, Path target) throws Exception {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image, "png", target.toFile())) {
            throw new IllegalStateException("no PNG writer");
        }
    }
}
