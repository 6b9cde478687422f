//===- Lowering.h - Stage 3: lower one body to a state machine ------------===//
//
// The lowering keeps the user's statement tree (Roslyn's structured scheme):
// statements without a suspension point are copied as written; statements
// with one are re-assembled around it. step() re-enters a suspended body one
// block at a time: every block that (transitively) holds a resume point
// starts with the guards of the frame slots it owns and a dispatch switch
// that jumps to the resume label, or to the entry label of the nested block
// that holds it. Jumps never bypass a declaration (hoisted locals are frame
// members, constructed by placement new) and never enter a try block.
//
// Expressions with suspension points are split into statements in an order
// C++ allows (AwaitExpressionSpiller's job in Roslyn): operands sequenced
// before a suspension are evaluated into frame slots first; `&&`, `||` and
// `?:` become control flow with a result slot.
//
//===----------------------------------------------------------------------===//
#ifndef AWAITC_TOOL_LOWERING_H
#define AWAITC_TOOL_LOWERING_H

#include "analyse/Analysis.h"
#include "support/Diagnostics.h"
#include "lower/FrameModel.h"

#include "llvm/ADT/DenseMap.h"

#include <optional>
#include <string>

namespace awaitc {

/// The model of each annotated lambda already lowered.
using TransformedLambdas = llvm::DenseMap<const clang::LambdaExpr *,
                                          std::shared_ptr<const FrameModel>>;

/// Lowers one annotated function. Returns nothing (after diagnosing) if the
/// body uses something awaitc cannot transform correctly.

/// \p ClassName: the frame class's name, which the driver makes unique in
/// the file. \p DefinitionHead: the head of the definition as the output
/// keeps it (Definitions.h). \p Nested: the annotated lambdas in the
/// function's body, lowered (the function's own lowering moves them into
/// factories, whose models hold theirs).
std::optional<FrameModel> lowerFunction(BodyAnalysis &Analysis,
                                        const SourceText &Source,
                                        clang::ASTContext &Ctx, Diagnoser &Diag,
                                        llvm::StringRef ClassName,
                                        llvm::StringRef DefinitionHead,
                                        const TransformedLambdas &Nested);

} // namespace awaitc

#endif
