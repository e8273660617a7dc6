# Writes OUT: a C++ function FUNCTION() in namespace content returning the bytes of FILE
# (declared in content/builtin_assets.h).
file(READ ${FILE} hex HEX)
string(LENGTH "${hex}" hexLength)
math(EXPR byteCount "${hexLength} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" escaped "${hex}")
get_filename_component(name ${FILE} NAME)
file(WRITE ${OUT} "// Generated from assets/${name}; do not edit.\n#include \"content/builtin_assets.h\"\n\nnamespace content {\nstd::string_view ${FUNCTION}()\n{\n    static constexpr char bytes[] = \"${escaped}\";\n    return std::string_view(bytes, ${byteCount});\n}\n} // namespace content\n")
