// Seen first by the compiler for src/core only (CMakeLists.txt, NN_NO_JSON_INCLUDE): the math
// knows nothing of JSON. Reading and writing specs, models and reports belongs in src/spec.
#error "src/core must not include nlohmann/json: move the JSON code into src/spec"
