//===- LineDirectives.h - #line back to the user's source -----------------===//
//
// Generated text carries invisible line marks: lineMark(N) says "what follows
// was written on line N of the user's file", lineMark(0) says "what follows
// is generated". resolveLineMarks() removes them and, where the compiler's
// idea of the current line would be wrong, inserts #line directives, so
// errors and breakpoints land on the user's line and generated code is
// blamed on the generated file.
//
//===----------------------------------------------------------------------===//
#ifndef AWAITC_TOOL_LINEDIRECTIVES_H
#define AWAITC_TOOL_LINEDIRECTIVES_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace awaitc {

std::string lineMark(unsigned Line);
inline std::string generatedMark() { return lineMark(0); }

struct LineDirectiveOptions {
  bool Emit = true;
  std::string SourceFile;
  std::string OutputFile;
};

std::string resolveLineMarks(llvm::StringRef Text,
                             const LineDirectiveOptions &Options);

} // namespace awaitc

#endif
