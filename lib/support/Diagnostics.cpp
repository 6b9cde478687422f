//===- Diagnostics.cpp ----------------------------------------------------===//
#include "support/Diagnostics.h"

using namespace clang;

namespace awaitc {

void Diagnoser::error(SourceLocation Loc, llvm::StringRef Message,
                      SourceRange Range) {
  unsigned ID = Engine.getCustomDiagID(DiagnosticsEngine::Error, "%0");
  auto Builder = Engine.Report(Loc, ID);
  Builder << Message;
  if (Range.isValid())
    Builder << Range;
}

void Diagnoser::note(SourceLocation Loc, llvm::StringRef Message) {
  unsigned ID = Engine.getCustomDiagID(DiagnosticsEngine::Note, "%0");
  Engine.Report(Loc, ID) << Message;
}

} // namespace awaitc
