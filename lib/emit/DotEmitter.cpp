//===- DotEmitter.cpp - Print state machines as Graphviz ------------------===//
//
// See DotEmitter.h.
//
//===----------------------------------------------------------------------===//
#include "emit/DotEmitter.h"

#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace awaitc {
namespace {

/// \p Text as the inside of a Graphviz string, on one line.
std::string dotString(const std::string &Text) {
  std::string Out;
  bool Space = false;
  for (char C : Text) {
    if (C == '\n' || C == '\t' || C == ' ' || C == '\r') {
      Space = !Out.empty();
      continue;
    }
    if (Space)
      Out += ' ';
    Space = false;
    if (C == '"' || C == '\\')
      Out += '\\';
    Out += C;
  }
  return Out;
}

class DotWriter {
public:
  DotWriter(llvm::raw_ostream &OS, const FrameModel &M, unsigned Index)
      : OS(OS), M(M), Prefix("f" + std::to_string(Index) + "_") {}

  void write() {
    const char *Ending = M.Kind == CoroutineKind::Async ? "returns" : "ends";
    OS << "  subgraph cluster_" << Prefix << " {\n"
       << "    label=\"" << dotString(M.FunctionName) << "()\";\n"
       << "    " << Prefix << "start [shape=oval, label=\"start\\nline "
       << M.FunctionLine << "\"];\n";
    for (const SuspendState &S : M.States)
      OS << "    " << state(S.Id) << " [shape=box, label=\"state " << S.Id
         << "\\nline " << S.Line << ": " << dotString(S.Marker) << "\"];\n";
    if (reaches(&StateExits::Returns))
      OS << "    " << Prefix << "done [shape=doublecircle, label=\"" << Ending
         << "\"];\n";
    if (reaches(&StateExits::Throws))
      OS << "    " << Prefix << "threw [shape=octagon, label=\"throws\"];\n";
    edges(Prefix + "start", M.Start, Ending);
    for (const SuspendState &S : M.States)
      edges(state(S.Id), S.Exits, Ending);
    OS << "  }\n";
  }

private:
  std::string state(int Id) const { return Prefix + "s" + std::to_string(Id); }

  bool reaches(bool StateExits::*Exit) const {
    if (M.Start.*Exit)
      return true;
    for (const SuspendState &S : M.States)
      if (S.Exits.*Exit)
        return true;
    return false;
  }

  void edges(const std::string &From, const StateExits &Exits,
             const char *Ending) {
    bool Resumed = From != Prefix + "start";
    for (int To : Exits.Suspends)
      OS << "    " << From << " -> " << state(To) << " [label=\""
         << (Resumed ? "resume, suspend" : "suspend") << "\"];\n";
    if (Exits.Returns)
      OS << "    " << From << " -> " << Prefix << "done [label=\""
         << (Resumed ? "resume, " : "") << Ending << "\"];\n";
    if (Exits.Throws)
      OS << "    " << From << " -> " << Prefix
         << "threw [style=dashed, label=\"" << (Resumed ? "resume, " : "")
         << "throw\"];\n";
  }

  llvm::raw_ostream &OS;
  const FrameModel &M;
  std::string Prefix;
};

} // namespace

std::string emitDot(const std::vector<FrameModel> &Models,
                    const std::string &SourceFile) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << "// The state machines of " << SourceFile
     << ", drawn by awaitc --emit=dot.\n"
     << "digraph \"" << dotString(llvm::sys::path::filename(SourceFile).str())
     << "\" {\n"
     << "  node [fontname=\"monospace\"];\n"
     << "  edge [fontname=\"sans-serif\", fontsize=10];\n";
  for (unsigned I = 0; I != Models.size(); ++I)
    DotWriter(OS, Models[I], I + 1).write();
  OS << "}\n";
  return Text;
}

} // namespace awaitc
