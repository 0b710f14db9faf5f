package io.vigia.datasources.bindings;

/** Where the binding in use came from. */
public enum BindingOrigin {
    /** Found by probing the source. */
    PROBE,
    /** Set by the user; a later probe keeps it. */
    OVERRIDE,
    /** Nothing bound. */
    NONE
}
