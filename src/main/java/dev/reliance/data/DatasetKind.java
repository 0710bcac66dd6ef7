package dev.reliance.data;

import dev.reliance.util.UserException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The data sets Reliance knows, with their canonical download locations and checksums.
 * Checksums are the SHA-256 sums of the original downloads as recorded by tensorflow-datasets
 * (url_checksums/mnist.txt, fashion_mnist.txt, cifar10.txt).
 */
public enum DatasetKind {
    MNIST("mnist", "https://storage.googleapis.com/cvdf-datasets/mnist/", null, List.of(
            new RemoteFile("train-images-idx3-ubyte.gz", "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", 9912422),
            new RemoteFile("train-labels-idx1-ubyte.gz", "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", 28881),
            new RemoteFile("t10k-images-idx3-ubyte.gz", "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6", 1648877),
            new RemoteFile("t10k-labels-idx1-ubyte.gz", "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", 4542))),
    // Debian's dataset-fashion-mnist installs the four files under their standard names, but
    // recompressed (different bytes, same content), so they are read without a checksum check.
    FASHION_MNIST("fashion-mnist", "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
            Path.of("/usr/share/datasets/fashion-mnist"), List.of(
            new RemoteFile("train-images-idx3-ubyte.gz", "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84", 26421880),
            new RemoteFile("train-labels-idx1-ubyte.gz", "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845", 29515),
            new RemoteFile("t10k-images-idx3-ubyte.gz", "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073", 4422102),
            new RemoteFile("t10k-labels-idx1-ubyte.gz", "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5", 5148))),
    CIFAR10("cifar10", "https://www.cs.toronto.edu/~kriz/", null, List.of(
            new RemoteFile("cifar-10-binary.tar.gz", "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd", 170052171)));

    /** IDX file names without ".gz", in the order train images, train labels, test images, test labels. */
    public static final List<String> IDX_FILES = List.of(
            "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    private final String cliName;
    private final String defaultBaseUrl;
    private final Path systemDir;
    private final List<RemoteFile> remoteFiles;

    DatasetKind(String cliName, String defaultBaseUrl, Path systemDir, List<RemoteFile> remoteFiles) {
        this.cliName = cliName;
        this.defaultBaseUrl = defaultBaseUrl;
        this.systemDir = systemDir;
        this.remoteFiles = remoteFiles;
    }

    public String cliName() {
        return cliName;
    }

    /** Base URL the {@link #remoteFiles()} names are appended to. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** Where a distribution package installs this data set, if one does. */
    public Optional<Path> systemDir() {
        return Optional.ofNullable(systemDir);
    }

    public List<RemoteFile> remoteFiles() {
        return remoteFiles;
    }

    public boolean isIdx() {
        return this != CIFAR10;
    }

    public int numClasses() {
        return 10;
    }

    /** Files a data folder must hold (IDX files may also carry a ".gz" suffix). */
    public List<String> requiredFiles() {
        return isIdx() ? IDX_FILES : Cifar10Reader.allFiles();
    }

    /** Parses a CLI name such as "fashion-mnist". */
    public static DatasetKind parse(String name) {
        for (DatasetKind k : values()) {
            if (k.cliName.equals(name)) return k;
        }
        throw new UserException("unknown data set '" + name + "': valid names are " + validNames());
    }

    public static String validNames() {
        return Arrays.stream(values()).map(DatasetKind::cliName).collect(Collectors.joining(", "));
    }
}
