package dev.srereview.evidence.python;

/**
 * A web service created in a module: {@code app = Flask(__name__)} and friends.
 *
 * @param framework  flask, fastapi, starlette, aiohttp, django, sanic, tornado, falcon, gradio
 * @param builtInHealth true when the framework serves health endpoints itself
 */
record App(PyModule module, String framework, String variable, PyNode site, boolean builtInHealth) {
}
