package digitlab.server.models;

import digitlab.core.model.TrainingMetadata;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * The child process of {@link DiskModelStoreCrashTest}: stores different valid models into a disk store as fast
 * as it can, forever, and prints {@code ready} once the first few are stored. The models are built once and then
 * varied in their last weight, so the loop spends its time writing and a kill usually lands inside a put.
 */
public final class CrashWriter {
    private CrashWriter() {}

    public static void main(String[] args) throws Exception {
        ModelStore store = new DiskModelStore(Path.of(args[0]));
        long seed = Long.parseLong(args[1]);
        byte[][] bases = new byte[3][];
        for (int i = 0; i < bases.length; i++) {
            // About 50 kB, 400 kB and 1.6 MB.
            int hidden = new int[] {16, 128, 512}[i];
            bases[i] = TestModels.model(new int[] {784, hidden, 10}, seed + i, new TrainingMetadata(1, i, Float.NaN))
                    .toBytes();
        }
        for (int n = 0; ; n++) {
            byte[] model = bases[n % bases.length].clone();
            ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN).putFloat(model.length - 4, n * 1e-6f);
            store.put(model);
            if (n == 3) {
                System.out.println("ready");
                System.out.flush();
            }
        }
    }
}
