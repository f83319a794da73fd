package org.layercanvas.runtime.device;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A class loader that shows ND4J everything but its CUDA backend, so that ND4J loads the CPU backend in a GPU
 * build. ND4J finds backends with {@link java.util.ServiceLoader} through its own class loader and picks the one
 * of highest priority (CUDA); the priority can only be changed by environment variables, which a running process
 * cannot set for itself. Handing ND4J this loader ({@code ND4JClassLoading.setNd4jClassloader}) before anything
 * touches {@code Nd4j} leaves the CUDA provider out of the list. Every class still comes from the parent.
 */
final class CudaHidingClassLoader extends ClassLoader {
    static final String SERVICE_FILE = "META-INF/services/org.nd4j.linalg.factory.Nd4jBackend";

    CudaHidingClassLoader(ClassLoader parent) {
        super("layercanvas-cpu-backend-only", parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.equals(CudaProbe.CUDA_BACKEND)) {
            throw new ClassNotFoundException(name + " is hidden: this run trains on the CPU");
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Enumeration<URL> all = super.getResources(name);
        if (!SERVICE_FILE.equals(name)) {
            return all;
        }
        List<URL> kept = new ArrayList<>();
        while (all.hasMoreElements()) {
            URL url = all.nextElement();
            if (!listsCudaBackend(url)) {
                kept.add(url);
            }
        }
        return Collections.enumeration(kept);
    }

    @Override
    public URL getResource(String name) {
        if (SERVICE_FILE.equals(name)) {
            try {
                Enumeration<URL> urls = getResources(name);
                return urls.hasMoreElements() ? urls.nextElement() : null;
            } catch (IOException e) {
                return null;
            }
        }
        return super.getResource(name);
    }

    private static boolean listsCudaBackend(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(CudaProbe.CUDA_BACKEND);
        } catch (IOException e) {
            return false;
        }
    }
}
