package dev.reliance.data;

import static dev.reliance.data.TestFiles.assertUserError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatasetKindTest {
    @Test
    void parsesCliNames() {
        assertEquals(DatasetKind.MNIST, DatasetKind.parse("mnist"));
        assertEquals(DatasetKind.FASHION_MNIST, DatasetKind.parse("fashion-mnist"));
        assertEquals(DatasetKind.CIFAR10, DatasetKind.parse("cifar10"));
    }

    @Test
    void unknownNameListsValidOnes() {
        assertUserError(() -> DatasetKind.parse("imagenet"), "imagenet", "mnist, fashion-mnist, cifar10");
    }

    @Test
    void checksumsLookLikeSha256() {
        for (DatasetKind k : DatasetKind.values()) {
            for (RemoteFile f : k.remoteFiles()) {
                assertTrue(f.sha256().matches("[0-9a-f]{64}"), f.name());
                assertTrue(f.size() > 0, f.name());
            }
            assertTrue(k.defaultBaseUrl().endsWith("/"));
        }
        assertEquals(4, DatasetKind.MNIST.remoteFiles().size());
        assertEquals(4, DatasetKind.FASHION_MNIST.remoteFiles().size());
    }
}
