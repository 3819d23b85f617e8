package dev.srereview.evidence.python;

import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the Python parser: the native one when its library loaded, else the Java binding's. The system property
 * {@code sre.review.pyparser=binding} forces the binding (benchmarks compare the two; tests prove they agree).
 */
final class TreeParsers {
    private static final Logger LOG = LoggerFactory.getLogger(TreeParsers.class);

    private TreeParsers() {
    }

    static Supplier<TreeParser> preferred() {
        String forced = System.getProperty("sre.review.pyparser", "").toLowerCase(Locale.ROOT);
        if (forced.equals("binding")) {
            LOG.info("python parser: the tree-sitter binding (sre.review.pyparser=binding)");
            return BindingTreeParser::new;
        }
        // Loading the library (copying it out of the jar, linking it) overlaps the repository scan; the choice is
        // made when the first parser is wanted, waiting for the load if it is still running.
        NativePython.loadInBackground();
        return new Supplier<>() {
            private Supplier<TreeParser> chosen;

            @Override
            public synchronized TreeParser get() {
                if (chosen == null) {
                    chosen = choose();
                }
                return chosen.get();
            }
        };
    }

    private static Supplier<TreeParser> choose() {
        NativePython.Status status = NativePython.status();
        if (status.loaded()) {
            LOG.debug("python parser: native, {}", status.detail());
            return NativeTreeParser::new;
        }
        LOG.info("python parser: the tree-sitter binding, slower; native parser {}", status.detail());
        return BindingTreeParser::new;
    }
}
