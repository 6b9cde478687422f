//===- Emitter.h - Stage 4: print a FrameModel as C++ ---------------------===//
#ifndef AWAITC_TOOL_EMITTER_H
#define AWAITC_TOOL_EMITTER_H

#include "lower/FrameModel.h"

#include <string>

namespace awaitc {

/// The text that replaces an annotated function definition: a declaration
/// of the function, its frame class (in an anonymous namespace), and the
/// thin definition that creates the frame. Line-marked.
std::string emitFunction(const FrameModel &Model);

} // namespace awaitc

#endif
