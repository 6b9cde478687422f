//===- Diagnostics.h - awaitc's errors, printed the way Clang prints its own
//==//
#ifndef AWAITC_TOOL_DIAGNOSTICS_H
#define AWAITC_TOOL_DIAGNOSTICS_H

#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/StringRef.h"

namespace awaitc {

/// Reports awaitc's own errors through the compiler's DiagnosticsEngine, so
/// they come out as `file:line:col: error: ...` with the source line, caret
/// and notes, exactly like Clang's.
class Diagnoser {
public:
  explicit Diagnoser(clang::DiagnosticsEngine &Engine) : Engine(Engine) {}

  void error(clang::SourceLocation Loc, llvm::StringRef Message,
             clang::SourceRange Range = {});
  void note(clang::SourceLocation Loc, llvm::StringRef Message);

  bool hasErrors() const { return Engine.hasErrorOccurred(); }

private:
  clang::DiagnosticsEngine &Engine;
};

} // namespace awaitc

#endif
