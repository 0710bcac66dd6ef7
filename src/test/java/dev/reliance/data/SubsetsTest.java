package dev.reliance.data;

import static dev.reliance.data.TestFiles.assertUserError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SubsetsTest {
    @Test
    void distinctSortedInRangeAndSeeded() {
        int[] a = Subsets.seededSubset(1000, 100, 7);
        assertEquals(100, a.length);
        assertEquals(100, Arrays.stream(a).distinct().count());
        for (int i = 0; i < a.length; i++) {
            assertTrue(a[i] >= 0 && a[i] < 1000);
            if (i > 0) assertTrue(a[i] > a[i - 1]);
        }
        assertArrayEquals(a, Subsets.seededSubset(1000, 100, 7));
        assertFalse(Arrays.equals(a, Subsets.seededSubset(1000, 100, 8)));
    }

    @Test
    void fullAndEmpty() {
        assertArrayEquals(new int[] {0, 1, 2, 3}, Subsets.seededSubset(4, 4, 1));
        assertEquals(0, Subsets.seededSubset(4, 0, 1).length);
    }

    @Test
    void roughlyUniform() {
        int[] hits = new int[10];
        for (long seed = 0; seed < 2000; seed++) {
            for (int i : Subsets.seededSubset(10, 3, seed)) hits[i]++;
        }
        for (int h : hits) assertTrue(Math.abs(h - 600) < 90, Arrays.toString(hits)); // sd ~ 20
    }

    @Test
    void userSizesValidated() {
        assertUserError(() -> Subsets.seededSubset(100, 101, 1, "--train-size"), "--train-size 101", "100");
        assertUserError(() -> Subsets.seededSubset(100, 0, 1, "--test-size"), "--test-size 0");
        assertUserError(() -> Subsets.seededSubset(100, -3, 1, "--test-size"), "--test-size -3");
        assertArrayEquals(Subsets.seededSubset(100, 10, 5), Subsets.seededSubset(100, 10, 5, "--train-size"));
    }
}
