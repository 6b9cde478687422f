//===- Lowering.cpp - Stage 3: one annotated body -> FrameModel -----------===//
//
// FunctionLowering.h declares the class whose parts these files define.
// This one: the whole function (run()), and the frame's slots and states.
//
//===----------------------------------------------------------------------===//
#include "lower/FunctionLowering.h"

using namespace clang;

namespace awaitc {

// --- The whole function ----------------------------------------------------

std::optional<FrameModel> FunctionLowering::run() {
  describeFrame();
  addFrameParams();
  ResumeAt = Names.fresh("resume_at");
  findDecltypes();
  findInstantiatedTemporaries();
  planFactories();
  if (Failed)
    return std::nullopt;
  lowerStepBody();
  recordTransitions();
  if (Failed)
    return std::nullopt;
  for (const LambdaUses &Uses : MovedLambdas)
    Model.Factories.push_back(factoryDefinition(Factories[Uses.Lambda]));
  if (Failed)
    return std::nullopt;
  return std::move(Model);
}

void FunctionLowering::describeFrame() {
  const AnnotatedFunction &AF = A.function();
  Model.Kind = AF.Kind;
  Model.FunctionName = A.functionName();
  Model.ClassName = ClassName.str();
  Model.DefinitionHead = DefinitionHead.str();
  Names.reserve(ClassName);
  Model.SourceFile = Src.fileName().str();
  Model.FunctionLine = Src.line(
      Src.offset(AF.Lambda ? AF.Lambda->getBeginLoc() : Fn.getLocation()));
  std::string Result = printType(AF.ResultType, Fn.getLocation());
  if (AF.Kind == CoroutineKind::Async) {
    Model.BaseClass = "awaitc::detail::CoroFrame<" + Result + ">";
    Model.ReturnType = "awaitc::Coro<" + Result + ">";
  } else if (AF.Kind == CoroutineKind::AsyncGenerator) {
    Model.BaseClass = "awaitc::detail::AsyncGeneratorFrame<" + Result + ">";
    Model.ReturnType = "awaitc::AsyncGenerator<" + Result + ">";
  } else {
    Model.BaseClass = "awaitc::detail::GeneratorFrame<" + Result + ">";
    Model.ReturnType = "awaitc::Generator<" + Result + ">";
  }
}

void FunctionLowering::addFrameParams() {
  const AnnotatedFunction &AF = A.function();
  // A member function's frame keeps the object: `this` in the body is the
  // frame, so the user's `this` (and implicit member access) becomes self.
  // In a lambda, `this` is the enclosing function's object, if captured.
  QualType ObjectPointer;
  if (AF.Lambda)
    ObjectPointer = thisTypeIn(AF.Lambda->getBody());
  else if (const auto *Method = dyn_cast<CXXMethodDecl>(&Fn))
    if (Method->isInstance())
      ObjectPointer = Method->getThisType();
  if (!ObjectPointer.isNull()) {
    FrameParam Self;
    Self.Name = Model.SelfName = Names.fresh("self");
    Self.Type = printType(ObjectPointer, Fn.getLocation(), /*Written=*/true);
    Self.Argument = "this";
    Self.Init = Self.Name;
    Model.Params.push_back(Self);
  }
  if (AF.Lambda)
    addCaptureParams(*AF.Lambda);
  for (const ParmVarDecl *P : Fn.parameters()) {
    if (P->getName().empty())
      continue;
    if (P->isParameterPack()) {
      addPackParam(*P);
      continue;
    }
    FrameParam Param;
    Param.Name = P->getNameAsString();
    QualType T = P->getType();
    Param.Type = printType(T, P->getLocation());
    bool ByValueObject = !T->isReferenceType() && !T->isScalarType();
    Param.Argument = Param.Init = (ByValueObject || T->isRValueReferenceType())
                                      ? "std::move(" + Param.Name + ")"
                                      : Param.Name;
    // `T &&x` may be an lvalue reference, and `T x` a reference, in the
    // instantiation: each is passed on as what it is there.
    if (T->isDependentType())
      Param.Argument = Param.Init =
          "std::forward<" + Param.Type + ">(" + Param.Name + ")";
    Model.Params.push_back(Param);
  }
}

void FunctionLowering::lowerStepBody() {
  const AnnotatedFunction &AF = A.function();
  Step.open();
  lowerChildren(cast<CompoundStmt>(Fn.getBody()));
  if (AF.Kind == CoroutineKind::Async && !AF.ResultType->isVoidType())
    Step.generated("this->awaitc_flowed_off_end();");
  Model.StepBody = closeBlock();
  if (!Model.States.empty())
    Model.ResumeVariable = ResumeAt;
  // The body runs where the pack's elements are a pack again, under the
  // parameter's own name: its expansions, folds and sizeof... are copied as
  // written.
  if (Pack) {
    Model.PackName = Pack->getNameAsString();
    Model.PackMember = PackMember;
  }
}

void FunctionLowering::addPackParam(const ParmVarDecl &P) {
  assert(!Pack && "checkBody() refuses a second parameter pack");
  Pack = &P;
  QualType Pattern = P.getType();
  if (const auto *Expansion = Pattern->getAs<PackExpansionType>())
    Pattern = Expansion->getPattern();
  std::string Element = PackElement =
      printType(Pattern, P.getLocation(), /*Written=*/true);
  FrameParam Param;
  Param.Name = PackMember = Names.fresh(P.getNameAsString() + "_pack");
  Param.Type = Element + "...";
  Param.MemberType = "std::tuple<" + Element + "...>";
  Param.Comment = "parameter pack '" + P.getNameAsString() + "'";
  auto Forward = [](const std::string &Name) {
    return "std::forward<decltype(" + Name + ")>(" + Name + ")...";
  };
  Param.Argument = Forward(P.getNameAsString());
  Param.Init = Forward(Param.Name);
  Model.Params.push_back(Param);
}

// --- Frame slots -------------------------------------------------------------

unsigned FunctionLowering::addValueSlot(const std::string &Base, QualType T,
                                        const std::string &Comment,
                                        SourceLocation Loc,
                                        const std::string &Exact, bool Written,
                                        const Expr *Of) {
  FrameSlot Slot;
  Slot.Name = Exact.empty() ? Names.fresh(Base) : Exact;
  Slot.Type = printType(T, Loc, Written, Of);
  bool Plain =
      T->isScalarType() && !T.isConstQualified() && !T.isVolatileQualified();
  Slot.Kind = Plain ? FrameSlot::Storage::Plain : FrameSlot::Storage::Manual;
  Slot.NeedsDestruction = !Plain && needsDestruction(T);
  Slot.Comment = Comment;
  return addSlot(std::move(Slot));
}

unsigned FunctionLowering::addSlot(FrameSlot Slot) {
  Model.Slots.push_back(std::move(Slot));
  unsigned Index = Model.Slots.size() - 1;
  if (ConditionalArms > 0)
    makeConditional(Index);
  if (Model.Slots[Index].NeedsDestruction) {
    Model.Slots[Index].Guard = Names.fresh(Model.Slots[Index].Name + "_guard");
    Step.guard(Index);
  }
  return Index;
}

unsigned FunctionLowering::addPointerSlot(const std::string &Base,
                                          QualType Pointee,
                                          const std::string &Comment,
                                          const std::string &Exact,
                                          bool Written, const Expr *Of,
                                          SourceLocation Loc) {
  FrameSlot Slot;
  Slot.Name = Exact.empty() ? Names.fresh(Base) : Exact;
  if (Of)
    Loc = Of->getBeginLoc();
  Slot.Type = printType(Pointee, Loc.isValid() ? Loc : Fn.getLocation(),
                        Written, Of, /*Pointee=*/true);
  Slot.Kind = FrameSlot::Storage::Pointer;
  Slot.Comment = Comment;
  Model.Slots.push_back(Slot);
  return Model.Slots.size() - 1;
}

std::string FunctionLowering::constructWith(unsigned Index,
                                            const std::string &Init) {
  const FrameSlot &Slot = Model.Slots[Index];
  std::string Code;
  if (Slot.Kind == FrameSlot::Storage::Plain) {
    if (Init.empty())
      return "";
    // `int x(5)` / `int x{5}` / `int x = 5` all assign a scalar.
    std::string Value = Init;
    if (Value.front() == '(' && Value.back() == ')')
      Value = Value.substr(1, Value.size() - 2);
    return Slot.Name + " = " + Value + ";";
  }
  Code = "::new (awaitc::detail::storage_of(" + Slot.Name + ")) " + Slot.Type +
         Init + ";";
  return Code;
}

/// Whether \p Code has a comma outside brackets, so that it needs its own
/// parentheses to be one argument.
static bool hasTopLevelComma(const std::string &Code) {
  int Depth = 0;
  char Quote = 0;
  for (size_t I = 0; I < Code.size(); ++I) {
    char C = Code[I];
    if (Quote) {
      if (C == '\\')
        ++I;
      else if (C == Quote)
        Quote = 0;
    } else if (C == '"' || C == '\'') {
      Quote = C;
    } else if (C == '(' || C == '[' || C == '{') {
      ++Depth;
    } else if (C == ')' || C == ']' || C == '}') {
      --Depth;
    } else if (C == ',' && Depth == 0) {
      return true;
    }
  }
  return false;
}

std::string FunctionLowering::constructFrom(unsigned Index,
                                            const std::string &Value) {
  const FrameSlot &Slot = Model.Slots[Index];
  std::string Argument = hasTopLevelComma(Value) ? "(" + Value + ")" : Value;
  if (Slot.Kind != FrameSlot::Storage::Manual)
    return Slot.Name + " = " + Argument + ";";
  return constructWith(Index, "(" + Argument + ")");
}

void FunctionLowering::makeConditional(unsigned Index) {
  FrameSlot &Slot = Model.Slots[Index];
  if (Slot.NeedsDestruction && Slot.Flag.empty())
    Slot.Flag = Names.fresh(Slot.Name + "_alive");
}

void FunctionLowering::becameLive(unsigned Index) {
  const FrameSlot &Slot = Model.Slots[Index];
  if (!Slot.Guard.empty())
    Step.glue(Slot.Guard + ".arm();");
  if (Slot.NeedsDestruction)
    Live.push_back(Index);
}

std::string FunctionLowering::destroyNow(unsigned Index) {
  auto It = std::find(Live.begin(), Live.end(), Index);
  if (It != Live.end())
    Live.erase(It);
  const FrameSlot &Slot = Model.Slots[Index];
  if (Slot.Guard.empty())
    return "";
  return Slot.Guard + ".destroy();";
}

int FunctionLowering::addState(const CallExpr *Marker) {
  SuspendState State;
  State.Id = Model.States.size() + 1;
  State.Live = Live;
  if (auto R = Src.markerRange(Marker))
    State.Marker = Src.text(*R).str();
  else
    State.Marker = markerName(markerKindOf(*Marker));
  StateOfMarker[Marker] = State.Id;
  Model.States.push_back(State);
  return State.Id;
}

void FunctionLowering::recordTransitions() {
  auto Convert = [&](const Exits &From) {
    StateExits To;
    for (const CallExpr *Marker : From.Suspends)
      if (auto It = StateOfMarker.find(Marker); It != StateOfMarker.end())
        To.Suspends.push_back(It->second);
    To.Returns = From.Returns;
    To.Throws = From.Throws;
    return To;
  };
  const SuspensionGraph &Graph = A.transitions();
  Model.Start = Convert(Graph.FromStart);
  for (auto [Marker, Id] : StateOfMarker)
    if (auto It = Graph.FromResume.find(Marker); It != Graph.FromResume.end())
      Model.States[Id - 1].Exits = Convert(It->second);
}

void FunctionLowering::emitSuspension(int State, const std::string &Condition,
                                      SourceLocation Loc) {
  Model.States[State - 1].Live = Live;
  Model.States[State - 1].Line = Src.line(Src.offset(Loc));
  Step.suspend(State, Condition, Loc);
}

StepBlock FunctionLowering::closeBlock(std::string *OutsideEntry) {
  StepBlock B = Step.close(OutsideEntry);
  for (unsigned Index : B.Guarded)
    Live.erase(std::remove(Live.begin(), Live.end(), Index), Live.end());
  return B;
}

std::optional<FrameModel> lowerFunction(BodyAnalysis &Analysis,
                                        const SourceText &Source,
                                        ASTContext &Ctx, Diagnoser &Diag,
                                        llvm::StringRef ClassName,
                                        llvm::StringRef DefinitionHead,
                                        const TransformedLambdas &Nested) {
  return FunctionLowering(Analysis, Source, Ctx, Diag, ClassName,
                          DefinitionHead, Nested)
      .run();
}

} // namespace awaitc
