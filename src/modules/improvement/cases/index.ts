/** The cases part of the improvement module: what it offers the rest of the module and the app. */
export {};
