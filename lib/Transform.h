//===- Transform.h - One translation unit in, its transformed text out ----===//
#ifndef AWAITC_TOOL_TRANSFORM_H
#define AWAITC_TOOL_TRANSFORM_H

#include "clang/Frontend/FrontendAction.h"
#include "llvm/ADT/ArrayRef.h"

#include <functional>
#include <memory>
#include <string>

namespace awaitc {

/// What the annotated functions become.
enum class Backend {
  /// State-machine classes on C++17 (the default).
  StateMachine,
  /// C++20 coroutines on the same runtime (see Cxx20Emitter.h).
  Cxx20,
  /// A Graphviz picture of each state machine (see DotEmitter.h).
  Dot,
};

struct TransformOptions {
  Backend Emit = Backend::StateMachine;
  /// State machines only: #line directives map generated code.
  bool LineDirectives = true;
  /// The name #line directives give generated code (the output file).
  std::string OutputName;
};

/// Called once per main file that was transformed without errors, with the
/// whole translation unit's new text and the files the parse read: the main
/// file first, then every header in the order it was first entered (system
/// headers included, as -MD lists them; no <built-in> buffers).
using TransformCallback =
    std::function<void(const std::string &MainFile, const std::string &Text,
                       llvm::ArrayRef<std::string> Dependencies)>;

/// A syntax-only frontend action that runs the pipeline (find -> analyse ->
/// lower -> emit, or find -> emit C++20) on the main file and hands the
/// result to \p Done. Nothing is handed over when the compiler or awaitc
/// reported an error.
std::unique_ptr<clang::FrontendAction>
makeTransformAction(TransformOptions Options, TransformCallback Done);

/// Transforms the text of one translation unit in memory (for tests).
bool transformCode(const std::string &Code, const std::string &FileName,
                   const std::vector<std::string> &Args,
                   const TransformOptions &Options, std::string &Result);

} // namespace awaitc

#endif
