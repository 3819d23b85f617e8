/*
 * sre-review's fast Python parser: tree-sitter's core and its Python grammar, compiled with -O2 by build.sh,
 * behind one JNI call per file that hands back the whole tree of named nodes as an int array.
 *
 * Why it exists: the Java binding's prebuilt libraries are compiled without optimisation and cost several JNI
 * calls (each with class and field lookups) per node; parsing and copying a tree that way was most of a
 * review's evidence time (docs/pyrules.md). The binding stays the fallback when this library is absent.
 *
 * Record layout, RECORD ints per named node in pre-order (a parent always precedes its children):
 *   symbol id, field id (0 = none), start byte, end byte, index of the parent's record (-1 for the root),
 *   start row, end row (the row of the node's last byte, so a node ending at a newline ends on that line),
 *   number of named children.
 * Anonymous tokens (punctuation, keywords) are not recorded and their subtrees are not walked, as in the
 * binding-based builder, so both produce the same tree.
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_python(void);

enum { RECORD = 8 };

typedef struct {
    jint *data;
    size_t len;
    size_t cap;
} IntBuffer;

static int ensure(IntBuffer *b, size_t extra) {
    if (b->len + extra <= b->cap) {
        return 1;
    }
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + extra) {
        cap *= 2;
    }
    jint *grown = realloc(b->data, cap * sizeof(jint));
    if (!grown) {
        return 0;
    }
    b->data = grown;
    b->cap = cap;
    return 1;
}

static void throw_named(JNIEnv *env, const char *cls, const char *msg) {
    jclass c = (*env)->FindClass(env, cls);
    if (c) {
        (*env)->ThrowNew(env, c, msg);
    }
}

/* Named as the binding decides it: a regular symbol, or a built-in one (ERROR) outside the symbol table. */
static int is_named(const TSLanguage *lang, uint32_t symbol_count, TSSymbol sym) {
    return sym >= symbol_count || ts_language_symbol_type(lang, sym) == TSSymbolTypeRegular;
}

/* Appends the cursor's node; returns its record index, or -1 when the node is anonymous (not recorded). */
static jint record(IntBuffer *out, const TSLanguage *lang, uint32_t symbol_count, TSTreeCursor *cursor,
                   jint parent, int force) {
    TSNode node = ts_tree_cursor_current_node(cursor);
    TSSymbol sym = ts_node_symbol(node);
    if (!force && !is_named(lang, symbol_count, sym)) {
        return -1;
    }
    jint index = (jint) (out->len / RECORD);
    jint *r = out->data + out->len;
    uint32_t start = ts_node_start_byte(node);
    uint32_t end = ts_node_end_byte(node);
    TSPoint from = ts_node_start_point(node);
    TSPoint to = ts_node_end_point(node);
    r[0] = (jint) sym;
    r[1] = (jint) ts_tree_cursor_current_field_id(cursor);
    r[2] = (jint) start;
    r[3] = (jint) end;
    r[4] = parent;
    r[5] = (jint) from.row;
    r[6] = (jint) (end > start && to.column == 0 && to.row > from.row ? to.row - 1 : to.row);
    r[7] = 0;
    if (parent >= 0) {
        out->data[(size_t) parent * RECORD + 7]++;
    }
    out->len += RECORD;
    return index;
}

JNIEXPORT jlong JNICALL Java_dev_srereview_evidence_python_NativePython_newParser(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    TSParser *parser = ts_parser_new();
    if (!parser) {
        return 0;
    }
    if (!ts_parser_set_language(parser, tree_sitter_python())) {
        ts_parser_delete(parser);
        return 0;
    }
    return (jlong) (intptr_t) parser;
}

JNIEXPORT void JNICALL Java_dev_srereview_evidence_python_NativePython_deleteParser(JNIEnv *env, jclass cls,
                                                                                   jlong handle) {
    (void) env;
    (void) cls;
    if (handle) {
        ts_parser_delete((TSParser *) (intptr_t) handle);
    }
}

JNIEXPORT jobjectArray JNICALL Java_dev_srereview_evidence_python_NativePython_names(JNIEnv *env, jclass cls,
                                                                                    jboolean fields) {
    (void) cls;
    const TSLanguage *lang = tree_sitter_python();
    /* field ids start at 1; index 0 stays null ("no field") */
    uint32_t count = fields ? ts_language_field_count(lang) + 1 : ts_language_symbol_count(lang);
    jclass string = (*env)->FindClass(env, "java/lang/String");
    if (!string) {
        return NULL;
    }
    jobjectArray out = (*env)->NewObjectArray(env, (jsize) count, string, NULL);
    if (!out) {
        return NULL;
    }
    for (uint32_t i = fields ? 1 : 0; i < count; i++) {
        const char *name = fields ? ts_language_field_name_for_id(lang, (TSFieldId) i)
                                  : ts_language_symbol_name(lang, (TSSymbol) i);
        if (!name) {
            continue;
        }
        jstring s = (*env)->NewStringUTF(env, name);
        if (!s) {
            return NULL;
        }
        (*env)->SetObjectArrayElement(env, out, (jsize) i, s);
        (*env)->DeleteLocalRef(env, s);
    }
    return out;
}

JNIEXPORT jintArray JNICALL Java_dev_srereview_evidence_python_NativePython_parse(JNIEnv *env, jclass cls,
                                                                                 jlong handle, jbyteArray source) {
    (void) cls;
    TSParser *parser = (TSParser *) (intptr_t) handle;
    if (!parser || !source) {
        throw_named(env, "java/lang/IllegalArgumentException", "no parser or no source");
        return NULL;
    }
    jsize length = (*env)->GetArrayLength(env, source);
    char *text = malloc(length > 0 ? (size_t) length : 1);
    if (!text) {
        throw_named(env, "java/lang/OutOfMemoryError", "native parser: no memory for the source");
        return NULL;
    }
    (*env)->GetByteArrayRegion(env, source, 0, length, (jbyte *) text);
    TSTree *tree = ts_parser_parse_string(parser, NULL, text, (uint32_t) length);
    free(text); /* the tree keeps byte offsets, never pointers into the source */
    if (!tree) {
        ts_parser_reset(parser);
        throw_named(env, "java/lang/IllegalStateException", "tree-sitter returned no tree");
        return NULL;
    }
    const TSLanguage *lang = ts_tree_language(tree);
    uint32_t symbol_count = ts_language_symbol_count(lang);
    IntBuffer out = {0};
    size_t depth_cap = 256;
    size_t depth = 0;
    jint *parents = malloc(depth_cap * sizeof(jint)); /* record indices of the cursor's ancestors */
    TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
    int failed = !parents || !ensure(&out, RECORD);
    jint current = failed ? -1 : record(&out, lang, symbol_count, &cursor, -1, 1);
    while (!failed) {
        if (current >= 0 && ts_tree_cursor_goto_first_child(&cursor)) {
            if (depth == depth_cap) {
                jint *grown = realloc(parents, depth_cap * 2 * sizeof(jint));
                if (!grown) {
                    failed = 1;
                    break;
                }
                parents = grown;
                depth_cap *= 2;
            }
            parents[depth++] = current;
            if (!ensure(&out, RECORD)) {
                failed = 1;
                break;
            }
            current = record(&out, lang, symbol_count, &cursor, current, 0);
            continue;
        }
        int done = 0;
        while (1) {
            if (ts_tree_cursor_goto_next_sibling(&cursor)) {
                if (!ensure(&out, RECORD)) {
                    failed = 1;
                    break;
                }
                current = record(&out, lang, symbol_count, &cursor, parents[depth - 1], 0);
                break;
            }
            if (depth == 0 || !ts_tree_cursor_goto_parent(&cursor)) {
                done = 1;
                break;
            }
            depth--;
        }
        if (done) {
            break;
        }
    }
    ts_tree_cursor_delete(&cursor);
    ts_tree_delete(tree);
    free(parents);
    if (failed) {
        free(out.data);
        throw_named(env, "java/lang/OutOfMemoryError", "native parser: no memory for the tree");
        return NULL;
    }
    jintArray result = (*env)->NewIntArray(env, (jsize) out.len);
    if (result) {
        (*env)->SetIntArrayRegion(env, result, 0, (jsize) out.len, out.data);
    }
    free(out.data);
    return result;
}
