//===- FrameModel.h - Stage 3's output: one state machine, ready to print -===//
//
// What the lowering decided about one annotated function: the frame class's
// members (parameters, and the slots for everything that lives across a
// suspension), its suspension states with the slots alive at each and
// where the body goes from each, and the body of step() (StepBody.h). The
// emitters turn it into C++ or a picture without making any further
// decision.
//
// Text carries line marks (see LineDirectives.h) so the printer can emit
// #line directives back to the user's source.
//
//===----------------------------------------------------------------------===//
#ifndef AWAITC_TOOL_FRAMEMODEL_H
#define AWAITC_TOOL_FRAMEMODEL_H

#include "find/Annotations.h"
#include "lower/StepBody.h"

#include <string>
#include <vector>

namespace awaitc {

/// A frame member holding something that lives across a suspension.
struct FrameSlot {
  enum class Storage {
    /// A plain member assigned in place (scalars).
    Plain,
    /// A member of an anonymous union, constructed with placement new and
    /// destroyed by hand (objects of any other type).
    Manual,
    /// A pointer to the object (references, and lvalue temporaries).
    Pointer,
  };
  std::string Name;
  /// The type of the member (for Pointer, the pointee type).
  std::string Type;
  Storage Kind = Storage::Manual;
  /// Whether leaving its scope must run a destructor.
  bool NeedsDestruction = false;
  /// Why the slot exists, for the comment next to it.
  std::string Comment;
  /// Name of the LocalGuard protecting it on the step() stack, if any.
  std::string Guard;
  /// For a temporary of an operand of `?:`, `&&` or `||`, which C++ may
  /// not evaluate: the frame's flag saying whether it was constructed (its
  /// guard is then a ConditionalGuard).
  std::string Flag;
};

/// Where the body can go from one entry (its start, or a resumption)
/// before it suspends again or ends.
struct StateExits {
  /// Ids of the states it may suspend in next.
  std::vector<int> Suspends;
  bool Returns = false;
  bool Throws = false;
};

/// A suspension point: where step() resumes and what is alive there.
struct SuspendState {
  int Id = 0;
  /// The user's source line of the suspension (for Task::print_stack()).
  unsigned Line = 0;
  /// Indices into FrameModel::Slots of the slots alive while suspended
  /// here, in construction order.
  std::vector<unsigned> Live;
  /// The marker as the user wrote it ("AWAIT(fetch(i))").
  std::string Marker;
  /// Where the body goes after resuming here.
  StateExits Exits;
};

struct FrameParam {
  std::string Name;
  std::string Type; // as declared (may be a reference type)
  /// The member's type when it differs from the constructor parameter's
  /// (a lambda's copy captures are const members).
  std::string MemberType;
  /// What the member is, for its comment ("parameter" if empty).
  std::string Comment;
  /// What the function passes to the frame's constructor ("this", "x",
  /// "std::move(s)"), and how the constructor initializes the member.
  std::string Argument;
  std::string Init;
};

struct FrameModel;

/// A lambda of the body that cannot stay in step() (LambdaUses.h), moved
/// before the frame class into a factory that builds it from the frame
/// locals it uses: `static constexpr auto Name = [](Params) { return
/// <lambda>; };`.
struct LambdaFactory {
  std::string Name;
  /// "auto &x, auto self": the locals it uses, under the user's names.
  std::string Params;
  /// The user's line of the lambda.
  unsigned Line = 0;
  /// The lambda's text (line-marked); for an annotated lambda, its own
  /// state machine instead.
  std::string Lambda;
  std::shared_ptr<const FrameModel> Annotated;
  /// A parameter of the factory shadows one of the function on purpose.
  bool ShadowsParameter = false;
};

struct FrameModel {
  CoroutineKind Kind = CoroutineKind::Async;
  std::string FunctionName;
  /// The user's file and the line of the function's name, for
  /// Task::print_stack() (where a frame that has not started is).
  std::string SourceFile;
  unsigned FunctionLine = 0;
  std::string ClassName;
  /// awaitc::detail::CoroFrame<T>, GeneratorFrame<T> or
  /// AsyncGeneratorFrame<T>.
  std::string BaseClass;
  /// awaitc::Coro<T>, awaitc::Generator<T> or awaitc::AsyncGenerator<T>.
  std::string ReturnType;
  std::vector<FrameParam> Params;
  std::vector<FrameSlot> Slots;
  std::vector<SuspendState> States;
  /// Where the body goes from its start.
  StateExits Start;
  /// The member holding `this` of a member function (empty otherwise).
  std::string SelfName;
  /// The factories of lambdas moved out of step(), in the order they are
  /// defined.
  std::vector<LambdaFactory> Factories;
  /// The body of step().
  StepBlock StepBody;
  /// The local of step() holding the state it resumes in ("" when the body
  /// never suspends).
  std::string ResumeVariable;
  /// A function parameter pack's name, and the frame member (a std::tuple)
  /// that holds it: step() runs where its elements are a pack again, under
  /// that name ("" without a pack).
  std::string PackName, PackMember;
  /// The function's head as written, without the annotation (line-marked),
  /// e.g. "awaitc::Coro<int> f(int x = 1)".
  std::string DefinitionHead;
};

} // namespace awaitc

#endif
