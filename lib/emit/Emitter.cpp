//===- Emitter.cpp --------------------------------------------------------===//
#include "emit/Emitter.h"

#include "support/LineDirectives.h"

#include "llvm/ADT/STLExtras.h"

#include <set>

namespace awaitc {

/// A member declaration `Type Name` that also works for array and function
/// pointer types, whose declarator syntax wraps the name.
static std::string declare(const std::string &Type, const std::string &Name) {
  if (Type.find_first_of("[(") != std::string::npos)
    return "awaitc::detail::identity_t<" + Type + "> " + Name;
  return Type + " " + Name;
}

static std::string declareSlot(const FrameSlot &Slot) {
  switch (Slot.Kind) {
  case FrameSlot::Storage::Plain:
    return declare(Slot.Type, Slot.Name) + ";";
  case FrameSlot::Storage::Pointer:
    return declare("std::add_pointer_t<" + Slot.Type + ">", Slot.Name) + ";";
  case FrameSlot::Storage::Manual:
    return "union { " + declare(Slot.Type, Slot.Name) + "; };" +
           (Slot.Flag.empty() ? "" : " bool " + Slot.Flag + " = false;");
  }
  return "";
}

/// \p Text as the body of a C++ string literal.
static std::string escapeForLiteral(const std::string &Text) {
  std::string Escaped;
  for (char C : Text) {
    if (C == '"' || C == '\\')
      Escaped += '\\';
    Escaped += C;
  }
  return Escaped;
}

/// Names for the constructor's parameters that no member has: a parameter
/// named like the member it initializes would shadow it (-Wshadow).
static std::vector<std::string> constructorParameterNames(const FrameModel &M) {
  std::set<std::string> Taken;
  for (const FrameParam &P : M.Params)
    Taken.insert(P.Name);
  for (const FrameSlot &S : M.Slots)
    Taken.insert(S.Name);
  std::vector<std::string> Names;
  for (const FrameParam &P : M.Params) {
    std::string Name = P.Name + "_";
    while (!Taken.insert(Name).second)
      Name += "_";
    Names.push_back(Name);
  }
  return Names;
}

/// \p Init with the identifier \p From replaced by \p To.
static std::string renamed(const std::string &Init, const std::string &From,
                           const std::string &To) {
  auto IsIdentifier = [](char C) {
    return isalnum(static_cast<unsigned char>(C)) || C == '_';
  };
  std::string Out;
  for (size_t P = 0; P < Init.size();) {
    bool Starts = Init.compare(P, From.size(), From) == 0 &&
                  (P == 0 || !IsIdentifier(Init[P - 1])) &&
                  (P + From.size() == Init.size() ||
                   !IsIdentifier(Init[P + From.size()]));
    if (Starts) {
      Out += To;
      P += From.size();
    } else {
      Out += Init[P++];
    }
  }
  return Out;
}

namespace {

/// Where a resumption at State goes from a block's dispatch: to the
/// suspension's label in the block (Leaf), or to the entry of the nested
/// block that holds it.
struct DispatchEntry {
  int State;
  std::string Target;
  bool Leaf;
};

/// Prints the body of step(): the text the lowering wrote, and around its
/// blocks and suspensions the code that C++ needs to leave and re-enter
/// them.
class StepBodyPrinter {
public:
  explicit StepBodyPrinter(const FrameModel &M) : M(M) {}

  std::string print() const {
    std::string Body;
    if (!M.ResumeVariable.empty())
      Body = generatedMark() + "    int " + M.ResumeVariable +
             " = this->awaitc_state_;\n";
    Body += head(M.StepBody, 0) + code(M.StepBody.Body, 0);
    if (M.PackName.empty())
      return Body;
    return generatedMark() + "    std::apply([this](auto &..." + M.PackName +
           ") {\n" + Body + generatedMark() + "    }, this->" + M.PackMember +
           ");\n";
  }

private:
  /// Indentation of a block's braces at \p Depth (the body is depth 0).
  static std::string outer(unsigned Depth) {
    return std::string(2 + 2 * Depth, ' ');
  }
  static std::string inner(unsigned Depth) { return outer(Depth + 1); }

  /// The code of a block at \p Depth.
  std::string code(const StepCode &Code, unsigned Depth) const {
    std::string Out;
    for (const StepPiece &Piece : Code.pieces()) {
      if (const auto *Text = std::get_if<std::string>(&Piece))
        Out += *Text;
      else if (const auto *Point = std::get_if<Suspension>(&Piece))
        Out += suspension(*Point, Depth);
      else
        Out += block(*std::get<std::shared_ptr<const StepBlock>>(Piece),
                     Depth + 1);
    }
    return Out;
  }

  static std::string suspension(const Suspension &Point, unsigned Depth) {
    std::string Return = Point.Condition.empty()
                             ? "return;"
                             : "if (" + Point.Condition + ") return;";
    return placementMark(Point.Line, Point.Column) + Return + "\n" +
           generatedMark() + inner(Depth) + Point.ResumeLabel + ":;\n";
  }

  std::string block(const StepBlock &B, unsigned Depth) const {
    std::string Close = B.CloseLine
                            ? placementMark(B.CloseLine, B.CloseColumn) + "}"
                            : generatedMark() + outer(Depth) + "}";
    return "{\n" + head(B, Depth) + code(B.Body, Depth) + Close;
  }

  /// A block's entry label, the guards of the slots it owns (declared
  /// before any label a jump could target) and its dispatch.
  std::string head(const StepBlock &B, unsigned Depth) const {
    std::string Head;
    if (!B.EntryLabel.empty() && !B.EntryOutside)
      Head += generatedMark() + inner(Depth) + B.EntryLabel + ":;\n";
    Head += guardDeclarations(B, Depth);
    std::vector<DispatchEntry> Entries;
    dispatchEntries(B, Entries);
    if (!Entries.empty())
      Head += dispatch(B, Entries, Depth);
    return Head;
  }

  std::string guardDeclarations(const StepBlock &B, unsigned Depth) const {
    std::string Text;
    for (unsigned Index : B.Guarded) {
      const FrameSlot &Slot = M.Slots[Index];
      Text += generatedMark() + inner(Depth);
      if (!Slot.Flag.empty())
        Text += "awaitc::detail::ConditionalGuard<" + Slot.Type + "> " +
                Slot.Guard + "(*this, " + Slot.Name + ", " + Slot.Flag + ");\n";
      else
        Text += "awaitc::detail::LocalGuard<" + Slot.Type + "> " + Slot.Guard +
                "(*this, " + Slot.Name + ");\n";
    }
    return Text;
  }

  static void statesIn(const StepCode &Code, std::vector<int> &Out) {
    for (const StepPiece &Piece : Code.pieces()) {
      if (const auto *Point = std::get_if<Suspension>(&Piece))
        Out.push_back(Point->State);
      else if (const auto *Block =
                   std::get_if<std::shared_ptr<const StepBlock>>(&Piece))
        statesIn((*Block)->Body, Out);
    }
  }

  static void dispatchEntries(const StepBlock &B,
                              std::vector<DispatchEntry> &Out) {
    for (const StepPiece &Piece : B.Body.pieces()) {
      if (const auto *Point = std::get_if<Suspension>(&Piece)) {
        Out.push_back({Point->State, Point->ResumeLabel, true});
      } else if (const auto *Block =
                     std::get_if<std::shared_ptr<const StepBlock>>(&Piece)) {
        std::vector<int> States;
        statesIn((*Block)->Body, States);
        for (int State : States)
          Out.push_back({State, (*Block)->EntryLabel, false});
      }
    }
  }

  /// Where a resumption re-enters the block, arming the guards of what is
  /// alive there.
  std::string dispatch(const StepBlock &B,
                       const std::vector<DispatchEntry> &Entries,
                       unsigned Depth) const {
    auto Arms = [&](int State) {
      std::string Code;
      const std::vector<unsigned> &LiveThere = M.States[State - 1].Live;
      // (A flagged slot's flag survives the suspension.)
      for (unsigned Index : B.Guarded)
        if (M.Slots[Index].Flag.empty() && llvm::is_contained(LiveThere, Index))
          Code += " " + M.Slots[Index].Guard + ".arm();";
      return Code;
    };
    const std::string Inner = inner(Depth);
    const std::string &ResumeAt = M.ResumeVariable;
    // Resume labels of this block get a case each; the states of a nested
    // block are consecutive, so one range test enters it (keeping the
    // dispatch linear in the nesting depth).
    std::string Cases, Ranges;
    for (size_t I = 0; I < Entries.size();) {
      const DispatchEntry &First = Entries[I];
      std::string Arm = Arms(First.State);
      size_t J = I + 1;
      while (!First.Leaf && J < Entries.size() && !Entries[J].Leaf &&
             Entries[J].Target == First.Target &&
             Entries[J].State == Entries[J - 1].State + 1 &&
             Arms(Entries[J].State) == Arm)
        ++J;
      int Last = Entries[J - 1].State;
      if (J - I == 1)
        Cases += generatedMark() + Inner + "case " +
                 std::to_string(First.State) + ":" + Arm +
                 (First.Leaf ? " " + ResumeAt + " = 0;" : "") + " goto " +
                 First.Target + ";\n";
      else
        Ranges += generatedMark() + Inner + "if (" + ResumeAt +
                  " >= " + std::to_string(First.State) + " && " + ResumeAt +
                  " <= " + std::to_string(Last) + ") {" + Arm + " goto " +
                  First.Target + "; }\n";
      I = J;
    }
    std::string Text;
    if (!Cases.empty())
      Text += generatedMark() + Inner + "switch (" + ResumeAt + ") {\n" +
              Cases + generatedMark() + Inner + "}\n";
    Text += Ranges;
    if (B.StartsWithCase)
      Text += generatedMark() + Inner + "[[fallthrough]];\n";
    return Text;
  }

  const FrameModel &M;
};

} // namespace

/// awaitc_where(): the user's line of each suspension point, for
/// Task::print_stack().
template <class LineFn>
static void emitWhere(const FrameModel &M, LineFn &Line) {
  Line("");
  Line("    // Where the body waits, for Task::print_stack().");
  Line("    awaitc::detail::SourceLine awaitc_where() const noexcept override {");
  const std::string File = "\"" + escapeForLiteral(M.SourceFile) + "\"";
  const std::string Function = "\"" + escapeForLiteral(M.FunctionName) + "\"";
  auto At = [&](unsigned L) {
    return "return {" + File + ", " + std::to_string(L) + ", " + Function +
           "};";
  };
  if (!M.States.empty()) {
    Line("      switch (this->awaitc_state_) {");
    for (const SuspendState &S : M.States)
      Line("      case " + std::to_string(S.Id) + ": " + At(S.Line));
    Line("      }");
  }
  Line("      " + At(M.FunctionLine));
  Line("    }");
}

/// A static: the frame class's members may use it (an automatic local of
/// the enclosing function they could not).
static std::string factoryDefinition(const LambdaFactory &F) {
  std::string Lambda = F.Annotated ? emitFunction(*F.Annotated) : F.Lambda;
  while (!Lambda.empty() && Lambda.back() == '\n')
    Lambda.pop_back();
  std::string Definition = lineMark(F.Line) + "  static constexpr auto " +
                           F.Name + " = [](" + F.Params + ") { return " +
                           Lambda + "; };\n";
  // A captured parameter of the function is shadowed on purpose, which
  // g++'s -Wshadow would report.
  if (F.ShadowsParameter)
    Definition = "#pragma GCC diagnostic push\n"
                 "#pragma GCC diagnostic ignored \"-Wshadow\"\n" +
                 Definition + "#pragma GCC diagnostic pop\n";
  return Definition;
}

std::string emitFunction(const FrameModel &M) {
  const std::string G = generatedMark();
  std::string Out;
  auto Line = [&](const std::string &Text) { Out += G + Text + "\n"; };

  // The function keeps its signature; its body holds the state machine as
  // a local class, which has the function's access to private members and
  // is part of the template when the function is one.
  Out += M.DefinitionHead + " {\n";
  Line("  // The state machine of " + M.FunctionName +
       "(), generated by awaitc.");
  for (const LambdaFactory &Factory : M.Factories)
    Out += factoryDefinition(Factory);
  Line("  class " + M.ClassName + " final : public " + M.BaseClass + " {");
  Line("  public:");
  std::string Params, Inits;
  std::vector<std::string> ParamNames = constructorParameterNames(M);
  for (size_t I = 0; I < M.Params.size(); ++I) {
    const FrameParam &P = M.Params[I];
    Params += (Params.empty() ? "" : ", ") + declare(P.Type, ParamNames[I]);
    Inits += (Inits.empty() ? " : " : ", ") + P.Name + "(" +
             renamed(P.Init, P.Name, ParamNames[I]) + ")";
  }
  Line(std::string("    ") + (M.Params.size() == 1 ? "explicit " : "") +
       M.ClassName + "(" + Params + ")" + Inits + " {}");
  // A frame destroyed while suspended destroys what is alive at its state.
  Line("    ~" + M.ClassName + "() override {");
  bool AnyAlive = false;
  for (const SuspendState &S : M.States)
    AnyAlive |= !S.Live.empty();
  if (AnyAlive) {
    Line("      switch (this->awaitc_state_) {");
    for (const SuspendState &S : M.States) {
      if (S.Live.empty())
        continue;
      std::string Case = "      case " + std::to_string(S.Id) + ":";
      for (auto It = S.Live.rbegin(); It != S.Live.rend(); ++It) {
        const FrameSlot &Slot = M.Slots[*It];
        Case += (Slot.Flag.empty() ? " " : " if (" + Slot.Flag + ") ") +
                std::string("awaitc::detail::destroy_object(") + Slot.Name +
                ");";
      }
      Line(Case + " break;");
    }
    Line("      }");
  }
  Line("    }");
  Line("");
  Line("  private:");
  for (const FrameParam &P : M.Params)
    Line("    " +
         declare(P.MemberType.empty() ? P.Type : P.MemberType, P.Name) + ";" +
         (P.Name == M.SelfName ? " // the object"
          : P.Comment.empty()  ? " // parameter"
                               : " // " + P.Comment));
  for (const FrameSlot &S : M.Slots)
    Line("    " + declareSlot(S) + " // " + S.Comment);
  Line("");
  Line("    void awaitc_step() override {");
  Out += StepBodyPrinter(M).print();
  Line("    }");
  // (A Generator's frame is never in a task's chain of awaits.)
  if (M.Kind != CoroutineKind::Generator)
    emitWhere(M, Line);
  Line("  };");
  std::string Args;
  for (const FrameParam &P : M.Params)
    Args += (Args.empty() ? "" : ", ") + P.Argument;
  // A coroutine also gets the function's name, for the report of a Coro
  // that is never awaited (awaitc/coro.h).
  std::string Name;
  if (M.Kind == CoroutineKind::Async)
    Name = ", \"" + escapeForLiteral(M.FunctionName) + "\"";
  Line("  return " + M.ReturnType + "(std::make_unique<" + M.ClassName + ">(" +
       Args + ")" + Name + ");");
  Line("}");
  return Out;
}

} // namespace awaitc
