//===- DotEmitter.h - Print state machines as Graphviz --------------------===//
//
// `awaitc --emit=dot`: a picture of each annotated function's state
// machine, drawn from the same FrameModel the C++ emitter prints. One
// cluster per function: its start, a node per suspension state labelled
// with the user's line and marker, and where the function ends (returned,
// threw); an edge for every way from one to the next.
//
//===----------------------------------------------------------------------===//
#ifndef AWAITC_TOOL_DOTEMITTER_H
#define AWAITC_TOOL_DOTEMITTER_H

#include "lower/FrameModel.h"

#include <string>
#include <vector>

namespace awaitc {

/// A Graphviz digraph of \p Models, the state machines of one source file.
std::string emitDot(const std::vector<FrameModel> &Models,
                    const std::string &SourceFile);

} // namespace awaitc

#endif
