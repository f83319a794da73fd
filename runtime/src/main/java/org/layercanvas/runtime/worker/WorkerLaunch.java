package org.layercanvas.runtime.worker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.layercanvas.runtime.device.DeviceRequest;
import org.layercanvas.runtime.platform.NativeTuning;

/** How a worker process is started: its command line and the environment that steers ND4J in it. */
final class WorkerLaunch {
    private WorkerLaunch() {
    }

    /** The command line that starts the worker: this runtime's {@code java}, the options, the class path. */
    static List<String> command(String mainClass, List<String> jvmArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.add("worker");
        return cmd;
    }

    /** ND4J picks its backend by priority: the environment variables override it (system properties do not). */
    static void environment(Map<String, String> env, String device, int threads) {
        DeviceRequest.Kind kind;
        try {
            kind = DeviceRequest.parse(device).kind();
        } catch (IllegalArgumentException e) {
            kind = DeviceRequest.Kind.AUTO; // the worker reports the unknown device as the run's failure
        }
        if (kind == DeviceRequest.Kind.CPU) {
            env.put("BACKEND_PRIORITY_CPU", "1000");
            env.put("BACKEND_PRIORITY_GPU", "0");
        } else if (kind == DeviceRequest.Kind.GPU) {
            // gpu and gpu:N alike: the worker picks the GPU itself
            env.put("BACKEND_PRIORITY_CPU", "0");
            env.put("BACKEND_PRIORITY_GPU", "1000");
        }
        if (threads > 0) {
            env.put("OMP_NUM_THREADS", Integer.toString(threads));
        }
        env.putAll(NativeTuning.environment(env));
    }

    /**
     * The {@code java} of the running Java runtime: the JDK's under {@code ./layercanvas}, the bundled runtime's in
     * an installed app. Not the current process's own executable: in an installed app that is the native launcher,
     * which would take the worker's JVM options for program arguments.
     */
    static String javaExecutable() {
        return javaExecutable(Path.of(System.getProperty("java.home")),
                System.getProperty("os.name", "").startsWith("Windows"), ProcessHandle.current().info().command());
    }

    static String javaExecutable(Path javaHome, boolean windows, Optional<String> processCommand) {
        Path java = javaHome.resolve("bin").resolve(windows ? "java.exe" : "java");
        if (java.toFile().canExecute()) {
            return java.toString();
        }
        return processCommand.orElse(java.toString());
    }
}
