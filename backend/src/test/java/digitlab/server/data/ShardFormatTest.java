package digitlab.server.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.data.DataFormatException;
import digitlab.core.data.Digits;
import digitlab.core.data.Idx;
import digitlab.core.data.Shard;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The core shard format as the server writes it (core's own tests belong to the core module). */
class ShardFormatTest {
    private static Digits sample(int count) {
        return Idx.read(SyntheticMnist.images(count), SyntheticMnist.labels(count));
    }

    @Test
    void encodeDecodeRoundTrip() {
        Digits d = sample(7);
        byte[] bytes = Shard.encode(d);
        assertEquals(Shard.HEADER_SIZE + 7 + 7 * 784, bytes.length);
        assertArrayEquals(new byte[] {'D', 'L', 'S', 'H'}, Arrays.copyOf(bytes, 4));
        Digits back = Shard.decode(bytes);
        assertEquals(7, back.count());
        assertEquals(28, back.rows());
        assertEquals(28, back.cols());
        assertArrayEquals(d.labels(), back.labels());
        assertArrayEquals(d.pixels(), back.pixels());
    }

    @Test
    void emptyShardRoundTrips() {
        Digits back = Shard.decode(Shard.encode(sample(0)));
        assertEquals(0, back.count());
    }

    @Test
    void gzipRoundTripIsDeterministic() throws IOException {
        byte[] raw = Shard.encode(sample(30));
        byte[] gz = DataPreparer.gzip(raw);
        assertArrayEquals(gz, DataPreparer.gzip(raw), "same shard must give the same file (idempotent prepare)");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertArrayEquals(raw, in.readAllBytes());
        }
    }

    @Test
    void badMagicIsRejected() {
        byte[] bytes = Shard.encode(sample(2));
        bytes[0] = 'X';
        assertTrue(assertThrows(DataFormatException.class, () -> Shard.decode(bytes))
                .getMessage()
                .contains("magic"));
    }

    @Test
    void unknownVersionIsRejected() {
        byte[] bytes = Shard.encode(sample(2));
        bytes[4] = 9;
        assertTrue(assertThrows(DataFormatException.class, () -> Shard.decode(bytes))
                .getMessage()
                .contains("version"));
    }

    @Test
    void insaneHeaderIsRejected() {
        byte[] bytes = Shard.encode(sample(2));
        bytes[11] = (byte) 0x80; // count becomes negative
        assertTrue(assertThrows(DataFormatException.class, () -> Shard.decode(bytes))
                .getMessage()
                .contains("header"));
    }

    @Test
    void truncatedFileIsRejected() {
        byte[] bytes = Shard.encode(sample(3));
        DataFormatException e =
                assertThrows(DataFormatException.class, () -> Shard.decode(Arrays.copyOf(bytes, bytes.length - 1)));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertThrows(DataFormatException.class, () -> Shard.decode(Arrays.copyOf(bytes, 10)));
    }

    @Test
    void labelOutsideZeroToNineIsRejected() {
        byte[] bytes = Shard.encode(sample(3));
        bytes[Shard.HEADER_SIZE + 1] = 10;
        assertThrows(DataFormatException.class, () -> Shard.decode(bytes));
    }
}
