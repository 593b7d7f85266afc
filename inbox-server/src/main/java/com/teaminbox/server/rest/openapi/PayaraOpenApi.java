package com.teaminbox.server.rest.openapi;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Payara's own OpenAPI document, the one it would serve at /openapi on the server root, read
 * from its OpenAPI service and written with its own serializer.
 *
 * <p>Why through reflection: Payara registers its /openapi servlet only in the web module at
 * context root "" (its {@code OpenApiServletContainerInitializer}), which is inbox-ui, and
 * {@code set-openapi-configuration --endpoint} only renames that servlet mapping; nothing
 * publishes the document under another context. The service and its writers are not part of
 * a public API, so they are reached by name, and a Payara upgrade that moves them makes
 * {@link #yaml()} / {@link #json()} fail loudly (503 at /api/openapi, and OpenApiDocumentIT
 * fails) rather than serve a stale document. See docs/stack-notes.md.
 */
final class PayaraOpenApi {

    private static final String SERVICE = "fish.payara.microprofile.openapi.impl.OpenApiService";
    private static final String MAPPERS = "fish.payara.microprofile.openapi.impl.rest.app.provider.ObjectMapperFactory";

    private PayaraOpenApi() {
    }

    static String yaml() throws ReflectiveOperationException {
        return write("createYaml");
    }

    static String json() throws ReflectiveOperationException {
        return write("createJson");
    }

    private static String write(String mapperFactory) throws ReflectiveOperationException {
        Object document = document();
        Object mapper = load(MAPPERS).getMethod(mapperFactory).invoke(null);
        Method write = mapper.getClass().getMethod("writeValueAsString", Object.class);
        return (String) unwrap(() -> write.invoke(mapper, document));
    }

    private static Object document() throws ReflectiveOperationException {
        Class<?> service = load(SERVICE);
        Object instance = service.getMethod("getInstance").invoke(null);
        if (instance == null) {
            throw new ReflectiveOperationException("Payara's OpenAPI service is not running");
        }
        Object document = unwrap(() -> service.getMethod("getDocument").invoke(instance));
        if (document == null) {
            throw new ReflectiveOperationException("Payara's OpenAPI service has no document (is it disabled?)");
        }
        return document;
    }

    private static Class<?> load(String name) throws ClassNotFoundException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException notInTheApplication) {
            return Class.forName(name, true, PayaraOpenApi.class.getClassLoader());
        }
    }

    private interface Call {
        Object call() throws ReflectiveOperationException;
    }

    private static Object unwrap(Call call) throws ReflectiveOperationException {
        try {
            return call.call();
        } catch (InvocationTargetException failure) {
            Throwable cause = failure.getCause();
            throw new ReflectiveOperationException(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        }
    }
}
