//===- StepBody.h - The body of step() as the lowering builds it ----------===//
//
// step() is the user's body re-assembled around its suspensions. The
// lowering hands it on as a tree: StepCode is line-marked text (see
// LineDirectives.h) with typed nodes in it, the suspension points and the
// blocks that hold them. What C++ needs around those nodes — a block's
// guard declarations, the dispatch that re-enters it after a resumption,
// the `return` and resume label of a suspension — is the emitter's to
// write, from the node and the frame's slots and states.
//
//===----------------------------------------------------------------------===//
#ifndef AWAITC_TOOL_STEPBODY_H
#define AWAITC_TOOL_STEPBODY_H

#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace awaitc {

struct StepBlock;

/// Where step() returns to wait, and the label where it resumes.
struct Suspension {
  /// The state recorded (FrameModel::States[State - 1]).
  int State = 0;
  /// step() returns only when this is true ("" : always); it is false when
  /// the awaited value is already there.
  std::string Condition;
  /// Where the resumption continues.
  std::string ResumeLabel;
  /// The user's line and column of the marker.
  unsigned Line = 0, Column = 0;
};

/// A piece of step()'s body: text, a nested block, or a suspension.
using StepPiece =
    std::variant<std::string, std::shared_ptr<const StepBlock>, Suspension>;

/// Code of step()'s body: text with blocks and suspensions in it, in the
/// order they run. Text next to text is one piece.
class StepCode {
public:
  StepCode() = default;
  StepCode(std::string Text);
  StepCode(const char *Text) : StepCode(std::string(Text)) {}
  StepCode(StepBlock Block);
  StepCode(Suspension Point);

  StepCode &operator+=(const StepCode &More);

  bool empty() const { return Pieces.empty(); }
  const std::vector<StepPiece> &pieces() const { return Pieces; }
  /// The text the code ends with, if it ends with text.
  std::string *trailingText();

private:
  std::vector<StepPiece> Pieces;
};

inline StepCode operator+(StepCode Code, const StepCode &More) {
  return Code += More;
}

/// A braced block of step() that holds a suspension, or the body itself.
/// A resumption re-enters it through its entry label and dispatch, which
/// jumps to the suspension's label or to the entry of the nested block that
/// holds it.
struct StepBlock {
  /// The frame slots (FrameModel::Slots) whose guards the block declares
  /// at its head: the locals in the frame whose scope it is.
  std::vector<unsigned> Guarded;
  /// The label before the block's head that a resumption jumps to ("" when
  /// it holds no suspension, and in the body itself).
  std::string EntryLabel;
  /// The statement that owns the block places its entry label before
  /// itself (a try block cannot be entered by a jump).
  bool EntryOutside = false;
  /// The block's first statement is a case label (a switch body): the
  /// dispatch, reached only by jumps, falls through to it.
  bool StartsWithCase = false;
  /// Where the closing brace is the user's (a try block's, where handlers
  /// follow it): its line and column; 0 when it is generated.
  unsigned CloseLine = 0, CloseColumn = 0;
  StepCode Body;
};

} // namespace awaitc

#endif
