package com.teaminbox.e2e;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Opens the browsers a test asks for and closes them afterwards, so that the browser tests do
 * not each repeat the open/keep-the-last-page/close fields and methods (and cannot forget a
 * browser in some error path). Every test-method parameter of type {@link Browser} is a new
 * browser; a parameter of type {@link More} opens further ones in the middle of a test.
 *
 * <p>As soon as the test method has ended, passed or failed, every browser it was given and has
 * not closed itself keeps its last page ({@link Browser#keepLastPage}: the test method's name, then
 * {@code -2}, {@code -3}, … in the order the browsers were opened) and is closed, before the
 * class's own {@code @AfterEach} methods run. A failure while keeping a page does not stop the
 * other browsers from being kept and closed; JUnit reports it with the test's own failure
 * (suppressed under it) or, if the test passed, as the failure. Should this step not run at all,
 * the store of the test's context closes what is left when the test's context ends.
 */
final class OpenBrowsers implements ParameterResolver, AfterTestExecutionCallback {

    /** Opens a further browser in the middle of a test, kept and closed like the others. */
    interface More {
        Browser open() throws Exception;
    }

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OpenBrowsers.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        // Only method parameters: a constructor's would be resolved in the class's context and outlive the test.
        return parameter.getDeclaringExecutable() instanceof Method && (type == Browser.class || type == More.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Opened opened = opened(context);
        if (parameter.getParameter().getType() == More.class) {
            return (More) opened::open;
        }
        try {
            return opened.open();
        } catch (Exception e) {
            throw new ParameterResolutionException("Could not open a browser for " + parameter.getParameter(), e);
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws Exception {
        Opened opened = context.getStore(NAMESPACE).get(Opened.class, Opened.class);
        if (opened != null) {
            opened.keepLastPagesAndClose(context.getTestMethod().map(Method::getName).orElse("test"));
        }
    }

    private static Opened opened(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(Opened.class, type -> new Opened(), Opened.class);
    }

    /** The browsers of one test, in the order they were opened. */
    private static final class Opened implements ExtensionContext.Store.CloseableResource {

        private final List<Browser> browsers = new ArrayList<>();

        synchronized Browser open() throws Exception {
            Browser browser = new Browser();
            browsers.add(browser);
            return browser;
        }

        synchronized void keepLastPagesAndClose(String name) throws Exception {
            Exception failure = null;
            for (int i = 0; i < browsers.size(); i++) {
                Browser browser = browsers.get(i);
                try {
                    if (browser.isOpen()) {
                        browser.keepLastPage(i == 0 ? name : name + "-" + (i + 1));
                    }
                } catch (Exception e) {
                    failure = collect(failure, e);
                } finally {
                    try {
                        browser.close();
                    } catch (RuntimeException e) {
                        failure = collect(failure, e);
                    }
                }
            }
            browsers.clear();
            if (failure != null) {
                throw failure;
            }
        }

        /** Only what the step after the test did not get to. */
        @Override
        public synchronized void close() {
            RuntimeException failure = null;
            for (Browser browser : browsers) {
                try {
                    browser.close();
                } catch (RuntimeException e) {
                    failure = collect(failure, e);
                }
            }
            browsers.clear();
            if (failure != null) {
                throw failure;
            }
        }

        private static <T extends Exception> T collect(T first, T next) {
            if (first == null) {
                return next;
            }
            first.addSuppressed(next);
            return first;
        }
    }
}
