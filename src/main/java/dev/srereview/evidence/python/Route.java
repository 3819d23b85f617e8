package dev.srereview.evidence.python;

import java.util.Set;

/**
 * One HTTP route found in a module.
 *
 * @param path      the literal path, or null when it is computed
 * @param pathText  the source text of the path expression (for computed paths)
 * @param methods   upper-case HTTP methods; ANY for a Django route (its view decides); empty when unknown
 * @param handler   the handler's function definition in this module, or null
 * @param handlerName the handler's name as written
 * @param site      the decorator or registering call
 */
record Route(PyModule module, String path, String pathText, Set<String> methods, PyNode handler,
             String handlerName, PyNode site) {
}
