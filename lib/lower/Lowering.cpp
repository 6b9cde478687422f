//===- Lowering.cpp - Stage 3: one annotated body -> FrameModel -----------===//
//
// See Lowering.h for the scheme. Reading order: FunctionLowering::run(),
// then the statement forms (lowerStmt and friends), then expressions
// (lowerExpr, spill, lowerAwait), then the text helpers at the end.
//
//===----------------------------------------------------------------------===//
#include "lower/Lowering.h"

#include "analyse/Conversions.h"
#include "analyse/Instantiations.h"
#include "analyse/LambdaUses.h"
#include "lower/TypeSpelling.h"
#include "support/LineDirectives.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

using namespace clang;

namespace awaitc {
namespace {

static bool needsDestruction(QualType T) {
  return T->isDependentType() || T.isDestructedType() != QualType::DK_none;
}

/// A replacement of part of the user's text.
struct Edit {
  ByteRange Range;
  std::string Text;
};

/// In what order C++ evaluates the operands of an expression, as far as a
/// suspension among them is concerned.
enum class Sequencing {
  Unsequenced, // any order: no operand needs to be evaluated early
  LeftToRight, // each operand before the next (<<, [], {...}, ...)
  RightToLeft, // the right operand first (=, +=, ...)
  CalleeFirst, // the function (and object) before the arguments
};

class FunctionLowering {
public:
  FunctionLowering(BodyAnalysis &A, const SourceText &Src, ASTContext &Ctx,
                   Diagnoser &Diag, llvm::StringRef ClassName,
                   const TransformedLambdas &Nested)
      : A(A), Src(Src), Ctx(Ctx), Diag(Diag), Names(A.names()),
        Fn(*A.function().Function), ClassName(ClassName), Nested(Nested) {}

  std::optional<FrameModel> run();

private:
  // --- Blocks of step() under construction --------------------------------
  struct DispatchEntry {
    int State;
    std::string Target;
    bool Leaf; // Target is the resume label itself
  };
  struct Block {
    std::string Text;
    std::vector<unsigned> GuardedSlots;
    std::vector<DispatchEntry> Dispatch;
    /// A switch body: case labels may not jump past guard declarations, so
    /// its guards live in the enclosing block.
    bool GuardsGoToParent = false;
    /// The block's first statement is a case label (a switch body): the
    /// dispatch, reached only by jumps, "falls through" to it.
    bool StartsWithCase = false;
  };

  /// The temporaries of one full-expression, destroyed at its end.
  struct FullExpr {
    unsigned MarkersLeft = 0;
    std::vector<unsigned> Temps;
  };

  // Statements.
  void lowerStmt(const Stmt *S);
  void lowerChildren(const CompoundStmt *CS);
  std::string lowerAsBlock(const Stmt *S);
  void lowerDeclStmt(const DeclStmt *DS);
  void lowerVarDecl(const VarDecl *VD, const DeclStmt *DS,
                    const std::string *ImplicitInit = nullptr);
  /// A reference \p Extender (a hoisted local, a range-for's range) bound
  /// to \p Init may extend the life of a temporary ([class.temporary]/6):
  /// then the temporary is built in a new frame slot (named \p HolderExact,
  /// or after \p HolderBase), and this returns the address the reference
  /// holds, computed from \p Init with the slot in the temporary's place.
  /// \p ImplicitValue: the text of the temporary's value when \p Init has
  /// no text of its own (a range-for's loop variable). Nothing when no
  /// temporary is extended; "" after an error.
  std::optional<std::string>
  bindExtended(const Expr *Init, const ValueDecl *Extender,
               const std::string &HolderBase, const std::string &HolderExact,
               const std::string &Comment, FullExpr &FE,
               const std::string *ImplicitValue = nullptr);
  /// bindExtended() of an initializer \p Init whose value category depends
  /// on a template parameter, when no part of it but the whole may be a
  /// temporary: the frame holds a ReferenceBinding of it. With
  /// \p Declared, a ReferenceBinding of that type instead, copy-initialized
  /// from \p Init: what a variable so declared is in the instantiation, a
  /// reference or an object. \p ImplicitValue as for bindExtended().
  std::string bindDependent(const Expr *Init, const std::string &HolderBase,
                            const std::string &HolderExact,
                            const std::string &Comment, FullExpr &FE,
                            const std::string *ImplicitValue = nullptr,
                            const std::string *Declared = nullptr);
  void lowerIf(const IfStmt *If);
  void lowerWhile(const WhileStmt *While);
  void lowerDo(const DoStmt *Do);
  void lowerFor(const ForStmt *For);
  void lowerRangeFor(const CXXForRangeStmt *For);
  /// `for (decl : AWAIT_EACH(generator)) body`.
  void lowerAwaitEach(const CXXForRangeStmt *For, const CallExpr *Marker);
  void lowerSwitch(const SwitchStmt *Switch);
  void lowerTry(const CXXTryStmt *Try);
  /// `catch (declaration)` as the user wrote it.
  std::string catchClause(const CXXCatchStmt *Handler);
  void lowerReturn(const ReturnStmt *Return);
  void lowerExprStmt(const Expr *E);
  void lowerYield(const CallExpr *Marker);
  /// Emits `if (!(condition)) break;` for a loop whose condition suspends.
  void lowerLoopCondition(const Expr *Cond, const VarDecl *CondVar);
  /// \p Value, the text of \p E, converted to \p To as a condition is.
  std::string contextuallyConverted(const Expr *E, std::string Value,
                                    QualType To);
  /// The text of a condition, lowering what it awaits first.
  std::string lowerCondition(const Expr *Cond, const VarDecl *CondVar,
                             const Stmt *Owner, QualType SlotType);

  // Expressions.
  std::string lowerExpr(const Expr *E, FullExpr &FE);
  std::string lowerExprInto(const Expr *E, ByteRange Outer, FullExpr &FE);
  std::vector<Edit> lowerOperands(const Expr *E, FullExpr &FE);
  std::string lowerAwait(const CallExpr *Marker, FullExpr &FE);
  std::string lowerShortCircuit(const BinaryOperator *Op, FullExpr &FE);
  std::string lowerConditional(const AbstractConditionalOperator *Op,
                               FullExpr &FE);
  std::string spill(const Expr *E, const std::string &Text, FullExpr &FE);
  /// What every instantiation of the function says \p E (type-dependent)
  /// is; nothing if they disagree or there are none.
  std::optional<ExprValueKind> instantiatedValueKind(const Expr *E) const;
  /// A function parameter pack is a std::tuple member.
  void addPackParam(const ParmVarDecl &P);
  const ParmVarDecl *Pack = nullptr;
  std::string PackMember, PackElement;
  /// Set while spelling an expression inside decltype at class scope.
  bool NamingType = false;
  std::string copyArray(unsigned Slot, const ArrayInitLoopExpr *Copy,
                        FullExpr &FE);
  /// Evaluates an operand before a suspension into a frame slot; a
  /// temporary object is constructed right in its slot.
  std::string spillOperand(const Expr *Operand, FullExpr &FE);
  /// Evaluates the callee of a call whose arguments suspend, keeping what
  /// it denotes in the frame; appends the edits to \p Edits.
  void spillCallee(const Expr *Callee, FullExpr &FE, std::vector<Edit> &Edits);
  void endFullExpr(FullExpr &FE);
  /// Builds temporary \p Temp, whose value \p Value writes, in a frame slot of
  /// the full-expression being evaluated before its suspension, where it
  /// stands in the expression; returns the text that replaces it.
  /// \p Temp: a MaterializeTemporaryExpr, or in a template, an expression
  /// whose instantiations materialize a temporary (see
  /// InstantiatedTemporaries).
  std::string keepTemporary(const Expr *Temp,
                            llvm::function_ref<std::string()> Value);
  /// In a template, the ranges of the prvalues that its instantiations in
  /// this file materialize as temporaries (which the pattern does not
  /// show when they, or what they are passed to, are dependent): how many
  /// instantiations do so without a conversion, and whether any converts.
  struct InstantiatedTemporary {
    unsigned Count = 0;
    bool Converts = false;
  };
  std::map<std::pair<unsigned, unsigned>, InstantiatedTemporary>
      InstantiatedTemporaries;
  unsigned Instantiations = 0;
  /// The ranges of the temporaries the template itself shows.
  std::set<std::pair<unsigned, unsigned>> PatternTemporaries;
  /// The ranges of the instantiations' temporaries kept in the frame.
  std::set<std::pair<unsigned, unsigned>> KeptInstantiated;
  /// The slot of each temporary keepTemporary() kept, by range.
  std::map<std::pair<unsigned, unsigned>, unsigned> KeptSlots;
  void findInstantiatedTemporaries();
  /// Whether \p E is a temporary in every instantiation seen that the
  /// template does not show, so that the frame must keep it while the
  /// full-expression suspends; nothing (after an error) when they differ.
  std::optional<bool> isInstantiatedTemporary(const Expr *E);
  /// lowerExpr() of \p E, which suspends, is no marker and no temporary to
  /// keep: its operands are lowered in the order C++ evaluates them.
  std::string lowerOperation(const Expr *E, FullExpr &FE);
  /// Whether C++ may skip evaluating \p E in its full-expression: it is in
  /// an arm of `?:` or the right operand of `&&` or `||`.
  bool maySkip(const Expr *E) const;
  /// Lowers an operand of `?:`, `&&` or `||` that C++ evaluates only
  /// sometimes; its temporaries join \p FE's (see ConditionalArms).
  std::string lowerSkippable(const Expr *E, FullExpr &FE);
  bool isStable(const Expr *E) const;
  Sequencing sequencingOf(const Expr *E) const;

  // Frame slots.
  /// A new slot named \p Base (made unique), or exactly \p Exact.
  /// \p Of: an expression of type \p T, whose decltype names T where T
  /// cannot be spelled (dependent or deduced types in templates).
  unsigned addValueSlot(const std::string &Base, QualType T,
                        const std::string &Comment, SourceLocation Loc,
                        const std::string &Exact = "", bool Written = false,
                        const Expr *Of = nullptr);
  /// Registers a slot (and its guard, in the innermost block that may hold
  /// one).
  unsigned addSlot(FrameSlot Slot);
  unsigned addPointerSlot(const std::string &Base, QualType Pointee,
                          const std::string &Comment,
                          const std::string &Exact = "", bool Written = false,
                          const Expr *Of = nullptr,
                          SourceLocation Loc = SourceLocation());
  /// Statement constructing a slot from a C++ initializer: "(args)",
  /// "{args}" or "" (default-initialization).
  std::string constructWith(unsigned Slot, const std::string &Init);
  std::string constructFrom(unsigned Slot, const std::string &Value);
  /// How code reads the value stored in a slot.
  std::string slotValue(unsigned Slot, const Expr *Of) const;
  void becameLive(unsigned Slot);
  /// Gives \p Slot a flag in the frame recording whether it was constructed.
  void makeConditional(unsigned Slot);
  std::string destroyNow(unsigned Slot);
  /// A new state, for the suspension at \p Marker.
  int addState(const CallExpr *Marker);
  /// The model's transitions, from the analysis's graph of markers.
  void recordTransitions();
  void emitSuspension(int State, const std::string &Condition,
                      SourceLocation Loc);

  // Blocks.
  void openBlock(bool GuardsGoToParent = false);
  /// Renders the innermost block. With \p OutsideEntry, the label that
  /// re-enters it is handed back to be placed before the statement that
  /// owns the block (a try block cannot be entered by a jump).
  std::string closeBlock(std::string *OutsideEntry = nullptr);
  Block &current() { return Blocks.back(); }
  void emit(SourceLocation Loc, const std::string &Code);
  /// Emits glue code that belongs to the statement being lowered: it maps
  /// to that statement's line, so stepping in a debugger stays on it.
  void emitGlue(const std::string &Code);
  void emitGenerated(const std::string &Code);
  /// A mark that places the text after it at \p Loc's line and column.
  std::string placementAt(SourceLocation Loc) const {
    unsigned Offset = Src.offset(Loc);
    return placementMark(Src.line(Offset), Src.column(Offset));
  }
  std::string indent() const { return std::string(2 + 2 * Blocks.size(), ' '); }

  // Text.
  std::string rewrite(const Stmt *S);
  std::string rewriteRange(ByteRange R, const Stmt *Root);
  void collectEdits(const Stmt *S, std::vector<Edit> &Out, bool InLambda);
  std::optional<Edit> editFor(const Stmt *S, bool InLambda);
  std::string splice(ByteRange Outer, std::vector<Edit> Edits);
  /// The `decltype(...)` specifiers in the body, whose operands no edit
  /// of an expression reaches (they are in types).
  std::vector<std::pair<ByteRange, const Expr *>> Decltypes;
  void findDecltypes();
  /// What replaces `decltype(E)` in step(): for a local in the frame or
  /// one of its bindings, the type the user declared (the frame member's
  /// type differs); else E with the usual edits. Nothing if unchanged.
  std::optional<std::string> decltypeText(ByteRange R, const Expr *E);
  std::optional<ByteRange> exprRange(const Expr *E) const;
  std::optional<ByteRange> statementRange(const Stmt *S) const;
  std::string returnText(const ReturnStmt *R, const std::string &Value);
  std::string referenceTo(const VarDecl *VD) const;
  /// What a structured binding of a frame local denotes, in terms of the
  /// frame member holding the bound object: `e.field`, `e[i]` or
  /// `get<i>(e)`. Nothing when awaitc cannot tell.
  std::optional<std::string> bindingText(const BindingDecl *B) const;
  /// What decltype names for \p B, whose bound type depends on a template
  /// parameter.
  std::string bindingTypeText(const BindingDecl *B,
                              const DecompositionDecl &Bound) const;
  /// The C++ spelling of \p T usable at namespace scope: the type as
  /// written (sugar such as std::string kept) for a declaration's written
  /// type, the canonical type for deduced and implicit ones, whose sugar
  /// may name things only visible inside the function or the runtime.
  std::string printType(QualType T, SourceLocation Loc, bool Written = false,
                        const Expr *Of = nullptr, bool Pointee = false);
  /// The text of \p E as written (with renames), for use in decltype.
  std::string plainText(const Expr *E);
  /// A lambda in \p S that no factory call stands in for.
  const LambdaExpr *lambdaWithoutFactory(const Stmt *S) const;
  /// decltype source when there is no expression (a range-for variable).
  std::string ImplicitSpelling;
  /// The ImplicitSpelling of each range-for variable, for its decltype.
  std::map<const VarDecl *, std::string> ImplicitInits;
  /// Hoisted locals that are references or objects as the instantiation
  /// decides, and the spelling of their declared type.
  std::map<const VarDecl *, std::string> DecidedInInstantiation;
  /// \p VD's declared type as the frame spells it; a dependent type's
  /// decltype specifiers are rewritten to name the frame's members.
  std::string declaredTypeText(const VarDecl *VD);
  /// The type written as \p TL, its decltype specifiers rewritten.
  std::string writtenTypeText(TypeLoc TL);
  /// The bytes of `(args)` / `{args}` after a variable's name.
  std::optional<ByteRange> parenthesizedInit(const VarDecl *VD);
  /// One declarator of \p DS as a declaration of its own; with \p Lowered,
  /// its initializer (which suspends) is lowered into that full-expression.
  std::string declaratorText(const DeclStmt *DS, const VarDecl *VD,
                             FullExpr *Lowered = nullptr);
  const Stmt *continueTarget(const ContinueStmt *C) const;
  /// Whether a `continue` in \p Body continues \p Loop.
  bool hasContinue(const Stmt *Body, const Stmt *Loop) const;

  // An annotated lambda.
  /// The name of the variable the lambda initializes, or "lambda".
  /// The type of `this` used in \p S (null if it uses none).
  static QualType thisTypeIn(const Stmt *S);
  /// The frame's members for the closure's captures, under their names: a
  /// copy of each copy capture, a reference for each reference capture.
  void addCaptureParams(const LambdaExpr &L);

  // Lambdas moved into factories (LambdaUses.h).
  struct Factory {
    std::string Name;
    const LambdaUses *Uses = nullptr;
  };
  /// Plans a factory for each lambda that cannot stay in step().
  void planFactories();
  /// Registers the factory of one moved lambda; false after a diagnostic.
  bool planFactory(LambdaUses Uses);
  /// `static constexpr auto make_f = [](auto &x, ...) { return <lambda>; };`
  std::string factoryDefinition(const Factory &F);
  /// The capture list's edits that make \p L capture the object pointer
  /// parameter of a factory instead of `this`.
  void selfCaptureEdits(const LambdaExpr *L, std::vector<Edit> &Out);
  /// The text of a lambda that moves into a factory (a diagnostic if it
  /// is not the user's contiguous text).
  std::optional<ByteRange> movedLambdaRange(const LambdaExpr *L);
  /// What a factory is called with: the frame locals the lambda uses, as
  /// step() names them, or \p AtClassScope as the closure type's decltype
  /// in the frame class names them.
  std::string factoryArguments(const LambdaUses &Uses,
                               bool AtClassScope = false);
  /// The type of the closure of a moved lambda, as the frame class names
  /// it; nothing for other types.
  std::optional<std::string> closureSpelling(QualType T, const Expr *Of);
  /// Plans the factory of a closure temporary kept in the frame, before its
  /// text is written; false after a diagnostic.
  bool planKeptClosure(const Expr *Of);
  /// A deque: factories point into it while lowering adds to it.
  std::deque<LambdaUses> MovedLambdas;
  llvm::DenseMap<const LambdaExpr *, Factory> Factories;
  llvm::DenseMap<const CXXRecordDecl *, const LambdaExpr *> MovedClosures;
  /// Set while the text of a factory's lambda is generated: the user's
  /// names of frame locals then refer to the factory's parameters.
  bool InFactory = false;

  /// Diagnoses what cannot be transformed correctly anywhere in the body:
  /// jumps into blocks that hold suspension points, computed goto, setjmp,
  /// variable-length arrays across a suspension.
  void checkBody(const Stmt *S);
  /// Whether \p S must be re-assembled rather than copied: it suspends,
  /// or declares (perhaps behind labels) a local that lives in the frame.
  bool needsLowering(const Stmt *S) const;
  /// Statements that destroy the hoisted locals a backward goto leaves.
  std::string destroyBeforeGoto(const GotoStmt *Goto);
  void note(SourceLocation Loc, const llvm::Twine &Message) {
    Diag.note(Loc, Message.str());
  }

  void fail(SourceLocation Loc, const llvm::Twine &Message) {
    if (!Failed)
      Diag.error(Loc, Message.str());
    Failed = true;
  }

  BodyAnalysis &A;
  llvm::DenseMap<const CallExpr *, int> StateOfMarker;
  const SourceText &Src;
  ASTContext &Ctx;
  Diagnoser &Diag;
  NameAllocator &Names;
  const FunctionDecl &Fn;
  /// The frame class's name, unique in the file.
  llvm::StringRef ClassName;
  const TransformedLambdas &Nested;
  FrameModel Model;
  std::vector<Block> Blocks;
  std::vector<unsigned> Live;
  llvm::DenseMap<const VarDecl *, unsigned> SlotOf;
  llvm::DenseMap<const Stmt *, std::string> ContinueLabels;
  std::string ResumeAt;
  /// Set while generating code that runs before a suspension of the
  /// full-expression: its temporaries must then live in the frame.
  FullExpr *KeepTemporariesIn = nullptr;
  /// Generates \p Make's code keeping its temporaries in \p FE's slots.
  template <class F> std::string beforeSuspension(FullExpr &FE, F Make) {
    FullExpr *Saved = KeepTemporariesIn;
    KeepTemporariesIn = &FE;
    std::string Text = Make();
    KeepTemporariesIn = Saved;
    return Text;
  }
  /// Set while lowering an operand of `?:`, `&&` or `||` that C++ may not
  /// evaluate: the slots it creates die at the end of the full-expression,
  /// if they were constructed at all, which a flag in the frame records.
  int ConditionalArms = 0;
  /// The line of the last statement emitted from the user's code.
  unsigned GlueLine = 0;
  bool Failed = false;
};

// --- The whole function ----------------------------------------------------

std::optional<FrameModel> FunctionLowering::run() {
  const AnnotatedFunction &AF = A.function();
  Model.Kind = AF.Kind;
  Model.FunctionName = A.functionName();
  Model.ClassName = ClassName.str();
  Names.reserve(ClassName);
  Model.SourceFile = Src.fileName().str();
  Model.FunctionLine = Src.line(
      Src.offset(AF.Lambda ? AF.Lambda->getBeginLoc() : Fn.getLocation()));
  std::string Result = printType(AF.ResultType, Fn.getLocation());
  if (AF.Kind == CoroutineKind::Async) {
    Model.BaseClass = "awaitc::detail::CoroFrame<" + Result + ">";
    Model.ReturnType = "awaitc::Coro<" + Result + ">";
  } else if (AF.Kind == CoroutineKind::AsyncGenerator) {
    if (AF.ResultType->isReferenceType())
      fail(Fn.getLocation(), "async generators of references are not "
                             "supported; yield values or pointers");
    Model.BaseClass = "awaitc::detail::AsyncGeneratorFrame<" + Result + ">";
    Model.ReturnType = "awaitc::AsyncGenerator<" + Result + ">";
  } else {
    if (AF.ResultType->isReferenceType())
      fail(Fn.getLocation(), "generators of references are not supported "
                             "yet; yield values or pointers");
    Model.BaseClass = "awaitc::detail::GeneratorFrame<" + Result + ">";
    Model.ReturnType = "awaitc::Generator<" + Result + ">";
  }
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
  ResumeAt = Names.fresh("resume_at");
  findDecltypes();
  findInstantiatedTemporaries();
  checkBody(Fn.getBody());
  planFactories();
  if (Failed)
    return std::nullopt;

  Blocks.emplace_back();
  lowerChildren(cast<CompoundStmt>(Fn.getBody()));
  if (AF.Kind == CoroutineKind::Async && !AF.ResultType->isVoidType())
    emitGenerated("this->awaitc_flowed_off_end();");
  std::string Body = closeBlock();
  if (!Model.States.empty())
    Body = generatedMark() + "    int " + ResumeAt +
           " = this->awaitc_state_;\n" + Body;
  if (Pack) {
    // The body runs where the pack's elements are a pack again, under the
    // parameter's own name: its expansions, folds and sizeof... are
    // copied as written.
    Body = generatedMark() + "    std::apply([this](auto &..." +
           Pack->getNameAsString() + ") {\n" + Body + generatedMark() +
           "    }, this->" + PackMember + ");\n";
  }
  Model.StepBody = Body;
  recordTransitions();
  if (Failed)
    return std::nullopt;
  for (const LambdaUses &Uses : MovedLambdas)
    Model.Factories.push_back(factoryDefinition(Factories[Uses.Lambda]));
  if (Failed)
    return std::nullopt;
  return std::move(Model);
}

void FunctionLowering::addPackParam(const ParmVarDecl &P) {
  if (Pack)
    return fail(P.getLocation(),
                "awaitc supports one function parameter pack, not several");
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

// --- Statements -------------------------------------------------------------

void FunctionLowering::lowerChildren(const CompoundStmt *CS) {
  for (const Stmt *Child : CS->body())
    lowerStmt(Child);
}

void FunctionLowering::lowerStmt(const Stmt *S) {
  if (Failed || !S)
    return;
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    return lowerDeclStmt(DS);
  if (!needsLowering(S)) {
    auto R = statementRange(S);
    if (!R)
      return fail(S->getBeginLoc(), "awaitc cannot copy this statement: it "
                                    "is not contiguous text in this file "
                                    "(inside a macro?)");
    return emit(S->getBeginLoc(), rewriteRange(*R, S));
  }
  switch (S->getStmtClass()) {
  case Stmt::CompoundStmtClass:
    return emit(S->getBeginLoc(), lowerAsBlock(S));
  case Stmt::IfStmtClass:
    return lowerIf(cast<IfStmt>(S));
  case Stmt::WhileStmtClass:
    return lowerWhile(cast<WhileStmt>(S));
  case Stmt::DoStmtClass:
    return lowerDo(cast<DoStmt>(S));
  case Stmt::ForStmtClass:
    return lowerFor(cast<ForStmt>(S));
  case Stmt::CXXForRangeStmtClass:
    return lowerRangeFor(cast<CXXForRangeStmt>(S));
  case Stmt::SwitchStmtClass:
    return lowerSwitch(cast<SwitchStmt>(S));
  case Stmt::ReturnStmtClass:
    if (const CallExpr *Marker = yieldOf(S))
      return lowerYield(Marker);
    return lowerReturn(cast<ReturnStmt>(S));
  case Stmt::CaseStmtClass: {
    const auto *Case = cast<CaseStmt>(S);
    std::string Label = "case " + rewrite(Case->getLHS());
    if (Case->getRHS())
      Label += " ... " + rewrite(Case->getRHS());
    emit(S->getBeginLoc(), Label + ":;");
    return lowerStmt(Case->getSubStmt());
  }
  case Stmt::DefaultStmtClass:
    emit(S->getBeginLoc(), "default:;");
    return lowerStmt(cast<DefaultStmt>(S)->getSubStmt());
  case Stmt::LabelStmtClass: {
    const auto *Label = cast<LabelStmt>(S);
    emit(S->getBeginLoc(), std::string(Label->getName()) + ":;");
    return lowerStmt(Label->getSubStmt());
  }
  case Stmt::AttributedStmtClass:
    return lowerStmt(cast<AttributedStmt>(S)->getSubStmt());
  case Stmt::CXXTryStmtClass:
    return lowerTry(cast<CXXTryStmt>(S));
  default:
    if (const auto *E = dyn_cast<Expr>(S))
      return lowerExprStmt(E);
    return fail(S->getBeginLoc(), llvm::Twine("AWAIT or YIELD inside a '") +
                                      S->getStmtClassName() +
                                      "' statement is not supported");
  }
}

std::string FunctionLowering::lowerAsBlock(const Stmt *S) {
  if (!needsLowering(S)) {
    if (auto R = statementRange(S))
      return placementAt(S->getBeginLoc()) + rewriteRange(*R, S);
    fail(S->getBeginLoc(), "awaitc cannot copy this statement: it is not "
                           "contiguous text in this file (inside a macro?)");
    return "";
  }
  openBlock();
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    lowerChildren(CS);
  else
    lowerStmt(S);
  return closeBlock();
}

void FunctionLowering::lowerDeclStmt(const DeclStmt *DS) {
  bool NeedsLowering = A.suspends(DS);
  for (const Decl *D : DS->decls())
    if (const auto *VD = dyn_cast<VarDecl>(D))
      NeedsLowering |= A.isHoisted(VD);
  if (!NeedsLowering) {
    // A constexpr local stays a constant expression; as a static it may be
    // jumped over by the dispatch.
    bool Constexpr = DS->isSingleDecl() && isa<VarDecl>(DS->getSingleDecl()) &&
                     cast<VarDecl>(DS->getSingleDecl())->isConstexpr() &&
                     cast<VarDecl>(DS->getSingleDecl())->hasLocalStorage();
    if (auto R = statementRange(DS))
      return emit(DS->getBeginLoc(),
                  (Constexpr ? "static " : "") + rewriteRange(*R, DS));
    return fail(DS->getBeginLoc(), "awaitc cannot copy this declaration: it "
                                   "is not contiguous text in this file");
  }
  for (const Decl *D : DS->decls()) {
    const auto *VD = dyn_cast<VarDecl>(D);
    if (!VD)
      return fail(D->getLocation(),
                  "awaitc cannot split this declaration; declare the type "
                  "separately from the variables");
    lowerVarDecl(VD, DS);
  }
}

/// Where the written initializer of \p VD starts: just after its
/// declarator (`v` of `int v(1)`, `(*p)` of `int (*p)(f)`, `[a, b]` of
/// `auto [a, b](s)`).
static SourceLocation afterName(const VarDecl *VD, const SourceManager &SM,
                                const LangOptions &LO) {
  SourceLocation Last = VD->getLocation();
  if (const auto *Bindings = dyn_cast<DecompositionDecl>(VD)) {
    if (!Bindings->bindings().empty())
      if (auto Close = Lexer::findNextToken(
              Bindings->bindings().back()->getLocation(), SM, LO))
        if (Close->is(tok::r_square))
          Last = Close->getLocation();
  } else if (const TypeSourceInfo *TSI = VD->getTypeSourceInfo()) {
    // The type's own declarator parts: `[2]`, `)(int)`.
    SourceLocation TypeEnd = TSI->getTypeLoc().getEndLoc();
    if (TypeEnd.isValid() && TypeEnd.isFileID() && Last.isFileID() &&
        SM.isBeforeInTranslationUnit(Last, TypeEnd))
      Last = TypeEnd;
  }
  return Lexer::getLocForEndOfToken(Last, 0, SM, LO);
}

/// The outermost expression in \p S spelled exactly as \p Range, not
/// counting implicit nodes.
static const Expr *findSpelledAs(const Stmt *S, SourceRange Range) {
  if (!S)
    return nullptr;
  if (const auto *E = dyn_cast<Expr>(S))
    if (E->getSourceRange() == Range &&
        !isa<ImplicitCastExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
             ExprWithCleanups>(E))
      return E;
  for (const Stmt *Child : S->children())
    if (const Expr *Found = findSpelledAs(Child, Range))
      return Found;
  return nullptr;
}

/// Whether \p S names a function parameter pack.
static bool packUse(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (const auto *P = dyn_cast<ParmVarDecl>(Ref->getDecl()))
      if (P->isParameterPack())
        return true;
  for (const Stmt *Child : S->children())
    if (packUse(Child))
      return true;
  return false;
}

void FunctionLowering::lowerVarDecl(const VarDecl *VD, const DeclStmt *DS,
                                    const std::string *ImplicitInit) {
  if (const auto *Bindings = dyn_cast<DecompositionDecl>(VD);
      Bindings && A.isHoisted(VD)) {
    if (VD->getType()->isDependentType()) {
      // The limit of awaitc/detail/structured_binding.h.
      if (Bindings->bindings().size() > 16)
        return fail(VD->getLocation(),
                    "awaitc keeps a structured binding of at most 16 names "
                    "across a suspension in a template");
      if (const BindingDecl *Bits = bitFieldBindingIn(Fn, Bindings))
        return fail(VD->getLocation(),
                    "awaitc cannot keep a structured binding of a bit-field "
                    "('" + Bits->getNameAsString() +
                        "' in an instantiation) across a suspension in a "
                        "template; copy the bit-field to a variable first");
    }
    for (const BindingDecl *B : Bindings->bindings())
      if (!bindingText(B))
        return fail(B->getLocation(),
                    "awaitc cannot tell what this structured binding "
                    "refers to, so it cannot live across a suspension");
  }
  const Expr *Init = VD->getInit();
  if (!A.isHoisted(VD)) {
    // A plain local of step(): declared where the user declared it.
    std::string Decl = DS ? declaratorText(DS, VD) : std::string();
    if (ImplicitInit) {
      auto Head = Src.range(SourceRange(VD->getBeginLoc(), VD->getLocation()));
      if (!Head)
        return fail(VD->getLocation(), "awaitc cannot copy this declaration");
      emit(VD->getBeginLoc(),
           rewriteRange(*Head, VD->getInit() ? VD->getInit() : nullptr) +
               " = " + *ImplicitInit + ";");
      return;
    }
    if (!Init || !A.suspends(Init)) {
      auto R = Src.range(DS->getSourceRange());
      if (DS->isSingleDecl() && R)
        return emit(VD->getBeginLoc(), rewriteRange(*R, DS));
      return emit(VD->getBeginLoc(), Decl + ";");
    }
    FullExpr FE;
    FE.MarkersLeft = A.countMarkers(Init);
    std::string Text = declaratorText(DS, VD, &FE);
    emit(VD->getBeginLoc(), Text + ";");
    endFullExpr(FE);
    return;
  }

  // A hoisted local: a frame member constructed here.
  QualType T = VD->getType();
  std::string Comment = "local '" + VD->getNameAsString() + "'";
  if (const auto *Bindings = dyn_cast<DecompositionDecl>(VD)) {
    Comment = "the object bound by [";
    for (const BindingDecl *B : Bindings->bindings())
      Comment += (Comment.back() == '[' ? "" : ", ") + B->getNameAsString();
    Comment += "]";
  }
  // A local that is a reference or an object as the instantiation decides
  // (`decltype(auto) v = e;` with a dependent e; `T v = e;` with T = int &
  // in an instantiation): the frame holds a ReferenceBinding of its
  // declared type, and the local is a pointer into it.
  std::optional<std::string> Decided;
  if (isDependentDecltypeAuto(T)) {
    Decided = deducedTypeText(T, ImplicitInit ? *ImplicitInit : plainText(Init),
                              /*Pointee=*/false);
  } else if (T->isDependentType() && !T->isReferenceType() &&
             !T->getContainedAutoType() && !isa<DecompositionDecl>(VD) &&
             llvm::any_of(instantiatedVars(Fn, VD), [](const VarDecl *Each) {
               return Each->getType()->isReferenceType();
             })) {
    if (extendsInInstantiation(Fn, VD))
      return fail(VD->getLocation(),
                  "awaitc cannot keep '" + VD->getNameAsString() +
                      "' across a suspension: in an instantiation it is a "
                      "reference bound to a temporary; store the "
                      "temporary in a variable first");
    Decided = declaredTypeText(VD);
  }
  if (Failed)
    return;
  if (T->isReferenceType() || Decided) {
    unsigned Slot = addPointerSlot(
        "", T.getNonReferenceType(), Comment, std::string(A.memberName(VD)),
        isWrittenType(VD), ImplicitInit ? nullptr : Init, VD->getLocation());
    SlotOf[VD] = Slot;
    FullExpr FE;
    FE.MarkersLeft = ImplicitInit ? 0 : A.countMarkers(Init);
    std::optional<std::string> Address;
    if (Decided) {
      DecidedInInstantiation[VD] = *Decided;
      Model.Slots[Slot].Type = "std::remove_reference_t<" + *Decided + ">";
      Address = bindDependent(
          Init, "", std::string(A.memberName(VD)) + "_object",
          "what '" + VD->getNameAsString() + "' is in the instantiation", FE,
          ImplicitInit, &*Decided);
    } else {
      // A temporary bound to the reference lives as long as the reference.
      Address = bindExtended(
          Init, VD, "", std::string(A.memberName(VD)) + "_temporary",
          "temporary bound to '" + VD->getNameAsString() + "'", FE,
          ImplicitInit);
    }
    if (Address && Address->empty())
      return;
    if (!Address) {
      std::string Value = ImplicitInit ? *ImplicitInit : lowerExpr(Init, FE);
      Address = addressOf(Value, Init && Init->isXValue());
    }
    emit(VD->getLocation(), constructFrom(Slot, *Address));
    becameLive(Slot);
    endFullExpr(FE);
    return;
  }

  // `int all[] = {xs...};` in a template: the length is known only in
  // instantiations; `int all[sizeof...(xs)]` names the parameter, which
  // the frame's members cannot.
  const auto *Sized = dyn_cast<DependentSizedArrayType>(T.getTypePtr());
  if (T->isIncompleteArrayType() ||
      (Sized && (!Sized->getSizeExpr() || packUse(Sized->getSizeExpr()))))
    return fail(VD->getLocation(),
                "awaitc cannot tell the length of this array in the frame; "
                "give it a length that names no function parameter "
                "(sizeof...(Ts), not sizeof...(xs)), or use std::array");
  unsigned Slot = addValueSlot("", T, Comment, VD->getLocation(),
                               std::string(A.memberName(VD)), isWrittenType(VD),
                               ImplicitInit ? nullptr : Init);
  SlotOf[VD] = Slot;
  if (T->isDependentType() && !T->getContainedAutoType())
    Model.Slots[Slot].Type = declaredTypeText(VD);
  if (ImplicitInit) {
    emit(VD->getLocation(), constructFrom(Slot, *ImplicitInit));
    becameLive(Slot);
    return;
  }
  if (!Init) {
    emit(VD->getLocation(), constructWith(Slot, ""));
    becameLive(Slot);
    return;
  }
  if (const auto *Construct =
          dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit()))
    if (Construct->getParenOrBraceRange().isInvalid() &&
        llvm::all_of(Construct->arguments(), [](const Expr *Arg) {
          return isa<CXXDefaultArgExpr>(Arg);
        })) {
      // `T x;` of a class type: default-initialization (by a constructor
      // whose parameters all have default arguments, perhaps).
      emit(VD->getLocation(), constructWith(Slot, ""));
      becameLive(Slot);
      return;
    }
  FullExpr FE;
  FE.MarkersLeft = A.countMarkers(Init);
  if (isa<DecompositionDecl>(VD) && T->isDependentType() &&
      VD->getInitStyle() == VarDecl::CInit &&
      !isa<InitListExpr>(Init->IgnoreImplicit())) {
    // `auto [a, b] = e;` in a template: e may be an array, copied element by
    // element, only in the instantiation.
    Model.Slots[Slot].Type = cvPrefix(T) +
                             "awaitc::detail::decomposed_t<decltype((" +
                             plainText(Init) + "))>";
    std::string Value = lowerExpr(Init, FE); // (may add slots)
    emit(VD->getLocation(),
         "awaitc::detail::construct_decomposed(" + Model.Slots[Slot].Name +
             ", [&]() -> decltype(auto) { return (" + Value + "); });");
    becameLive(Slot);
    endFullExpr(FE);
    return;
  }
  if (const auto *Copy = dyn_cast<ArrayInitLoopExpr>(Init->IgnoreImplicit())) {
    // `auto [a, b] = arr;` copies the array element by element.
    emit(VD->getLocation(), copyArray(Slot, Copy, FE));
    becameLive(Slot);
    endFullExpr(FE);
    return;
  }
  std::string InitText;
  if (VD->getInitStyle() == VarDecl::CInit) {
    const Expr *Written = Init->IgnoreImplicit();
    if (isa<InitListExpr>(Written))
      InitText = lowerExpr(Init, FE);
    else if (T->isArrayType())
      InitText = "{" + lowerExpr(Init, FE) + "}";
    else if (Model.Slots[Slot].Kind == FrameSlot::Storage::Plain ||
             copyInitIsDirect(T, Init))
      // (A Plain slot is assigned: an implicit conversion.)
      InitText = "(" + lowerExpr(Init, FE) + ")";
    else
      // The value of a function returning T is copy-initialized from the
      // operand of its return statement, and initializes the slot in turn
      // without a copy (C++17 guarantees the elision).
      InitText = "([&]() -> " + Model.Slots[Slot].Type + " { return " +
                 lowerExpr(Init, FE) + "; }())";
  } else {
    // `T x(args)` / `T x{args}`: the text after the name.
    auto Written = parenthesizedInit(VD);
    if (!Written)
      return fail(VD->getLocation(), "awaitc cannot rewrite this initializer");
    InitText = lowerExprInto(Init, *Written, FE);
  }
  emit(VD->getLocation(), constructWith(Slot, InitText));
  becameLive(Slot);
  endFullExpr(FE);
}

std::string FunctionLowering::copyArray(unsigned Slot,
                                        const ArrayInitLoopExpr *Copy,
                                        FullExpr &FE) {
  const Expr *Source = Copy->getCommonExpr()->getSourceExpr();
  const auto *Array = Ctx.getAsConstantArrayType(Copy->getType());
  if (!Source || !Array || Array->getElementType()->isArrayType()) {
    fail(Copy->getBeginLoc(), "awaitc cannot copy this array into the "
                              "frame; copy its elements one by one");
    return "";
  }
  std::string Text = lowerExpr(Source, FE);
  std::string Name = "(" + Text + ")", Before, After;
  if (!isStable(Source)) {
    // Evaluated once, as C++ does.
    Name = Names.fresh("array");
    Before = "{ auto &&" + Name + " = " + Text + "; ";
    After = " }";
  }
  std::string Elements;
  uint64_t Size = Array->getSize().getZExtValue();
  for (uint64_t I = 0; I < Size; ++I) {
    std::string Element = Name + "[" + std::to_string(I) + "]";
    if (Source->isXValue())
      Element = "std::move(" + Element + ")";
    Elements += (I ? ", " : "") + Element;
  }
  return Before + constructWith(Slot, "{" + Elements + "}") + After;
}

std::string FunctionLowering::bindDependent(
    const Expr *Init, const std::string &HolderBase,
    const std::string &HolderExact, const std::string &Comment, FullExpr &FE,
    const std::string *ImplicitValue, const std::string *Declared) {
  FrameSlot Slot;
  Slot.Name = HolderExact.empty() ? Names.fresh(HolderBase) : HolderExact;
  std::string Bound =
      Declared ? *Declared
               : "decltype((" +
                     (ImplicitValue ? *ImplicitValue : plainText(Init)) + "))";
  Slot.Type = "awaitc::detail::ReferenceBinding<" + Bound + ">";
  Slot.Kind = FrameSlot::Storage::Manual;
  Slot.NeedsDestruction = true;
  Slot.Comment = Comment;
  unsigned Holder = addSlot(std::move(Slot));
  std::string Text = ImplicitValue ? *ImplicitValue : lowerExpr(Init, FE);
  if (Failed)
    return std::string();
  // (Copy-initialization, not the braces' list-initialization: no check
  // for narrowing, no explicit constructor.)
  if (Declared)
    Text = "[&]() -> " + Bound + " { return " + Text + "; }()";
  emit(Init ? Init->getBeginLoc() : Fn.getLocation(),
       constructWith(Holder, "{" + Text + "}"));
  becameLive(Holder);
  return Model.Slots[Holder].Name + ".address()";
}

std::optional<std::string> FunctionLowering::bindExtended(
    const Expr *Init, const ValueDecl *Extender, const std::string &HolderBase,
    const std::string &HolderExact, const std::string &Comment, FullExpr &FE,
    const std::string *ImplicitValue) {
  SmallVector<const MaterializeTemporaryExpr *, 2> Temps;
  collectExtended(Init, Extender, Temps);
  if (Temps.empty()) {
    // In a template, whether the initializer is a temporary depends on the
    // instantiation: the frame holds whichever it is.
    if (Init && !ImplicitValue && Init->isTypeDependent() &&
        bindsWholeValue(Fn, dyn_cast<VarDecl>(Extender), Init))
      return bindDependent(Init, HolderBase, HolderExact, Comment, FE);
    // In a template, what the initializer denotes shows in instantiations.
    if ((Init && Init->isPRValue() && !Init->isTypeDependent()) ||
        (Init && Init->isInstantiationDependent() &&
         extendsInInstantiation(Fn, dyn_cast<VarDecl>(Extender)))) {
      fail(Init->getBeginLoc(), "awaitc cannot tell how long the temporary "
                                "bound to this reference lives");
      return std::string();
    }
    return std::nullopt;
  }
  auto Unsupported = [&](SourceLocation Loc, const std::string &Message) {
    fail(Loc, Message + (Temps.size() > 1
                             ? "; store the temporaries in variables first"
                             : "; store the temporary in a variable first"));
    return std::optional<std::string>(std::string());
  };
  const char *Conditional = "awaitc cannot keep a temporary created by one "
                            "operand of '?:' alive with the reference bound "
                            "to it";
  SmallVector<const Stmt *, 8> Path;
  for (const MaterializeTemporaryExpr *Each : Temps) {
    Path.clear();
    pathTo(Init, Each, Path);
    for (const Stmt *S : Path)
      if (isa<AbstractConditionalOperator>(S))
        return Unsupported(Each->getBeginLoc(), Conditional);
  }
  if (Temps.size() > 1)
    return Unsupported(Temps[1]->getBeginLoc(),
                       "awaitc cannot keep more than one temporary alive "
                       "with the reference bound to them");
  const MaterializeTemporaryExpr *Temp = Temps.front();
  // The expression that denotes the reference: Init without its cleanups
  // and, for `T &r{e}` / `T &r = {e}`, without the braces.
  size_t First = 0;
  while (First + 1 < Path.size()) {
    const auto *List = dyn_cast<InitListExpr>(Path[First]);
    if (!isa<ExprWithCleanups, ParenExpr>(Path[First]) &&
        !(List && List->getNumInits() == 1))
      break;
    ++First;
  }
  // What the reference denotes, from the temporary up: the temporary itself
  // (through conversions to a base or to const), a member or element of
  // it, or a cast of it to a reference. Each operand that is not on this
  // path is evaluated after the temporary (C++17 sequences `a[i]` and
  // `a.*p` left to right), except a comma's left operand.
  bool Direct = true, Comma = false, XValue = false;
  for (size_t I = Path.size() - 1; I-- > First;) {
    const Stmt *S = Path[I], *Next = Path[I + 1];
    if (isa<ParenExpr, ImplicitCastExpr>(S))
      continue;
    Direct = false;
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(S)) {
      QualType To = Cast->getTypeAsWritten();
      if (To->isReferenceType())
        XValue = To->isRValueReferenceType();
      continue;
    }
    if (const auto *Member = dyn_cast<MemberExpr>(S))
      if (!Member->isArrow())
        continue;
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(S))
      if (Subscript->getBase() == Next)
        continue;
    if (const auto *Op = dyn_cast<BinaryOperator>(S)) {
      if (Op->getOpcode() == BO_PtrMemD && Op->getLHS() == Next)
        continue;
      if (Op->getOpcode() == BO_Comma && Op->getRHS() == Next) {
        Comma = true;
        continue;
      }
    }
    return Unsupported(Temp->getBeginLoc(),
                       "awaitc cannot tell how long the temporary bound to "
                       "this reference lives");
  }
  const Expr *Root = cast<Expr>(Path[First]);
  const Expr *Value = Temp->getSubExpr();
  unsigned Markers = A.countMarkers(Value);
  if (!ImplicitValue && A.countMarkers(Root) != Markers)
    return Unsupported(Temp->getBeginLoc(),
                       "awaitc cannot keep the temporary bound to this "
                       "reference alive when another part of the "
                       "reference's initializer suspends");
  if (Markers && Comma)
    // The left operand would run after the suspension.
    return Unsupported(Temp->getBeginLoc(),
                       "awaitc cannot tell how long the temporary bound to "
                       "this reference lives");
  if (ImplicitValue && !Direct)
    return Unsupported(Temp->getBeginLoc(),
                       "awaitc cannot tell how long the temporary bound to "
                       "this reference lives");
  std::optional<ByteRange> RootRange = exprRange(Root),
                           TempRange = exprRange(Temp);
  if (!ImplicitValue && (!RootRange || !TempRange)) {
    fail(Temp->getBeginLoc(), "awaitc cannot rewrite this expression");
    return std::string();
  }

  unsigned Holder =
      addValueSlot(HolderBase, Temp->getType(), Comment, Temp->getBeginLoc(),
                   HolderExact, false, ImplicitValue ? nullptr : Value);
  // `const Agg &r{1, 2}`, `Items{a, b}[1]`: the temporary is
  // list-initialized (an array cannot be initialized from `(...)`).
  const Expr *Written = Value->IgnoreImplicit();
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Written))
    if (isa<InitListExpr>(Cast->getSubExpr()->IgnoreImplicit()))
      Written = Cast->getSubExpr()->IgnoreImplicit();
  bool List = !ImplicitValue && isa<InitListExpr>(Written);
  if (Temp->getType()->isArrayType() && !List)
    return Unsupported(Temp->getBeginLoc(),
                       "awaitc cannot tell how long the temporary bound to "
                       "this reference lives");
  std::string Text = ImplicitValue ? *ImplicitValue
                     : List        ? lowerExpr(Written, FE)
                                   : lowerExpr(Value, FE);
  if (Failed)
    return std::string();
  // (Copied text may open with a column hint.)
  List = List &&
         llvm::StringRef(withoutColumnHints(Text)).ltrim().starts_with("{");
  std::string Construct =
      List ? constructWith(Holder, Text) : constructFrom(Holder, Text);
  const FrameSlot &Slot = Model.Slots[Holder];
  if (Direct) {
    emit(Temp->getBeginLoc(), Construct);
    becameLive(Holder);
    return "std::addressof(" + Slot.Name + ")";
  }
  // Constructed where it stands in the expression, so that the
  // full-expression's other temporaries die after the rest of it, and armed
  // at once, so that it dies if the rest throws.
  if (!Construct.empty() && Construct.back() == ';')
    Construct.pop_back();
  std::string Built = "(" + Construct +
                      (Slot.Guard.empty() ? "" : ", " + Slot.Guard + ".arm()") +
                      ", " + Slot.Name + ")";
  if (Slot.NeedsDestruction)
    Live.push_back(Holder);
  std::vector<Edit> Edits = {Edit{*TempRange, Built}};
  for (size_t I = First; I + 1 < Path.size(); ++I)
    for (const Stmt *Child : Path[I]->children())
      if (Child && Child != Path[I + 1]) {
        if (auto E = editFor(Child, false))
          Edits.push_back(*E);
        else
          collectEdits(Child, Edits, false);
      }
  return addressOf(splice(*RootRange, std::move(Edits)), XValue);
}

std::string FunctionLowering::contextuallyConverted(const Expr *E,
                                                    std::string Value,
                                                    QualType To) {
  // A condition or an operand of `&&`/`||` converts as a direct-
  // initialization does, by an explicit conversion function too (`while ((v
  // = AWAIT(gen.next())))` of a std::optional); assigning it to a slot
  // would not, so the conversion is spelled.
  if (convertsByFunction(E) || (E->isTypeDependent() && To->isBooleanType()))
    return "static_cast<" + printType(To, E->getBeginLoc()) + ">(" + Value +
           ")";
  return Value;
}

std::string FunctionLowering::lowerCondition(const Expr *Cond,
                                             const VarDecl *CondVar,
                                             const Stmt *Owner,
                                             QualType SlotType) {
  if (CondVar) {
    const DeclStmt *DS = nullptr;
    if (const auto *If = dyn_cast<IfStmt>(Owner))
      DS = If->getConditionVariableDeclStmt();
    else if (const auto *While = dyn_cast<WhileStmt>(Owner))
      DS = While->getConditionVariableDeclStmt();
    else if (const auto *Switch = dyn_cast<SwitchStmt>(Owner))
      DS = Switch->getConditionVariableDeclStmt();
    else if (const auto *For = dyn_cast<ForStmt>(Owner))
      DS = For->getConditionVariableDeclStmt();
    lowerVarDecl(CondVar, DS);
    return referenceTo(CondVar);
  }
  if (!A.suspends(Cond))
    return rewrite(Cond);
  // The condition is a full-expression: its temporaries (the awaiters among
  // them) die before the branch or body runs, so keep its value in a slot.
  FullExpr FE;
  FE.MarkersLeft = A.countMarkers(Cond);
  std::string Value = lowerExpr(Cond, FE);
  Value = contextuallyConverted(Cond, Value, SlotType);
  unsigned Slot =
      addValueSlot("condition", SlotType, "value of a condition that awaits",
                   Cond->getBeginLoc(), "", false, Cond);
  emit(Cond->getBeginLoc(), constructFrom(Slot, Value));
  endFullExpr(FE);
  return Model.Slots[Slot].Name;
}

void FunctionLowering::lowerIf(const IfStmt *If) {
  if (If->isConstexpr())
    return fail(If->getBeginLoc(),
                "AWAIT or YIELD inside 'if constexpr' is not supported");
  bool Wrapper =
      If->getInit() || If->getConditionVariable() || A.suspends(If->getCond());
  if (Wrapper)
    openBlock();
  if (If->getInit())
    lowerStmt(If->getInit());
  std::string Cond =
      lowerCondition(If->getCond(), If->getConditionVariable(), If, Ctx.BoolTy);
  std::string Text = "if (" + Cond + ") " + lowerAsBlock(If->getThen());
  if (If->getElse())
    Text += " " + placementAt(If->getElseLoc()) + "else " +
            lowerAsBlock(If->getElse());
  emit(If->getBeginLoc(), Text);
  if (Wrapper)
    emit(If->getBeginLoc(), closeBlock());
}

void FunctionLowering::lowerLoopCondition(const Expr *Cond,
                                          const VarDecl *CondVar) {
  const Stmt *Owner = A.parent(Cond);
  std::string Value = lowerCondition(Cond, CondVar, Owner, Ctx.BoolTy);
  emit(Cond->getBeginLoc(), "if (!(" + Value + ")) break;");
}

void FunctionLowering::lowerWhile(const WhileStmt *While) {
  const Expr *Cond = While->getCond();
  if (!A.suspends(Cond) && !While->getConditionVariable()) {
    emit(While->getBeginLoc(),
         "while (" + rewrite(Cond) + ") " + lowerAsBlock(While->getBody()));
    return;
  }
  // `while (c) body` == `for (;;) { if (!c) break; body }`: continue then
  // evaluates the condition again, as it should.
  openBlock();
  lowerLoopCondition(Cond, While->getConditionVariable());
  lowerStmt(While->getBody());
  emit(While->getBeginLoc(), "for (;;) " + closeBlock());
}

void FunctionLowering::lowerDo(const DoStmt *Do) {
  if (!A.suspends(Do->getCond())) {
    emit(Do->getBeginLoc(), "do " + lowerAsBlock(Do->getBody()) + " " +
                                placementAt(Do->getWhileLoc()) + "while (" +
                                rewrite(Do->getCond()) + ");");
    return;
  }
  std::string Continue;
  if (hasContinue(Do->getBody(), Do)) {
    Continue = Names.fresh("continue_do");
    ContinueLabels[Do] = Continue;
  }
  openBlock();
  emit(Do->getBody()->getBeginLoc(), lowerAsBlock(Do->getBody()));
  if (!Continue.empty())
    emitGenerated(Continue + ":;");
  lowerLoopCondition(Do->getCond(), nullptr);
  emit(Do->getBeginLoc(), "for (;;) " + closeBlock());
}

void FunctionLowering::lowerFor(const ForStmt *For) {
  bool Wrapper = For->getInit() != nullptr;
  if (Wrapper) {
    openBlock();
    lowerStmt(For->getInit());
  }
  const Expr *Cond = For->getCond();
  const Expr *Inc = For->getInc();
  if (!A.suspends(Cond) && !A.suspends(Inc) && !For->getConditionVariable()) {
    emit(For->getBeginLoc(), "for (; " + (Cond ? rewrite(Cond) : "") + "; " +
                                 (Inc ? rewrite(Inc) : "") + ") " +
                                 lowerAsBlock(For->getBody()));
  } else {
    std::string Continue;
    if (Inc && hasContinue(For->getBody(), For)) {
      Continue = Names.fresh("continue_for");
      ContinueLabels[For] = Continue;
    }
    openBlock();
    if (Cond)
      lowerLoopCondition(Cond, For->getConditionVariable());
    emit(For->getBody()->getBeginLoc(), lowerAsBlock(For->getBody()));
    if (Inc) {
      if (!Continue.empty())
        emitGenerated(Continue + ":;");
      FullExpr FE;
      FE.MarkersLeft = A.countMarkers(Inc);
      std::string Text = lowerExpr(Inc, FE);
      emit(Inc->getBeginLoc(), Text + ";");
      endFullExpr(FE);
    }
    emit(For->getBeginLoc(), "for (;;) " + closeBlock());
  }
  if (Wrapper)
    emit(For->getBeginLoc(), closeBlock());
}

void FunctionLowering::lowerRangeFor(const CXXForRangeStmt *For) {
  // for (decl : init) body
  //   == { auto&& range = init; auto begin = ..., end = ...;
  //        for (; begin != end; ++begin) { decl = *begin; body } }
  // with range, begin and end in the frame.
  const Expr *WrittenRange = For->getRangeInit()->IgnoreImplicit();
  if (const CallExpr *Marker = asMarker(WrittenRange))
    if (markerKindOf(*Marker) == MarkerKind::AwaitEach)
      return lowerAwaitEach(For, Marker);
  const VarDecl *LoopVar = For->getLoopVariable();
  openBlock();
  const Expr *RangeInit = For->getRangeInit();
  FullExpr FE;
  FE.MarkersLeft = A.countMarkers(RangeInit);
  // `auto&& range = init;`: a prvalue init is a temporary whose life the
  // reference extends to the whole loop, so the frame holds the object.
  const Expr *Written = RangeInit->IgnoreImplicit();
  if (isa<InitListExpr>(Written) && Written->isTypeDependent())
    return fail(Written->getBeginLoc(),
                "awaitc cannot keep a braced list whose type depends on a "
                "template parameter across a suspension in the loop; store "
                "the elements in a std::array or a container first");
  // `for (x : make().items)`: the reference extends the life of the
  // temporary it is bound into.
  const ValueDecl *RangeVar =
      For->getRangeStmt() && For->getRangeStmt()->isSingleDecl()
          ? dyn_cast<ValueDecl>(For->getRangeStmt()->getSingleDecl())
          : nullptr;
  SmallVector<const MaterializeTemporaryExpr *, 2> Extended;
  if (RangeVar && !Written->isPRValue() &&
      !isa<CXXStdInitializerListExpr>(Written))
    collectExtended(RangeInit, RangeVar, Extended);
  // In a template, whether the range is a temporary may depend on the
  // instantiation.
  bool Dependent = RangeVar && Written->isTypeDependent();
  bool Bound = !Extended.empty() || Dependent;
  std::string RangeText = Bound ? "" : lowerExpr(Written, FE);
  std::string Range;
  bool RangeIsArray = RangeInit->getType()->isArrayType();
  if (Bound) {
    unsigned Slot = addPointerSlot("range", Written->getType(),
                                   "range of the for loop", "", false, Written);
    auto Address =
        bindExtended(RangeInit, RangeVar, "range_temporary", "",
                     "temporary bound to the range of the for loop", FE);
    if (Address && Address->empty())
      return;
    if (!Address)
      Address = addressOf(lowerExpr(Written, FE), Written->isXValue());
    emit(RangeInit->getBeginLoc(), constructFrom(Slot, *Address));
    becameLive(Slot);
    Range = "(*" + Model.Slots[Slot].Name + ")";
  } else if (const auto *List = dyn_cast<CXXStdInitializerListExpr>(Written)) {
    // `for (x : {a, b})`: the reference extends the life of the list's
    // array, so the frame holds the array itself.
    const Expr *Array = List->getSubExpr()->IgnoreImplicit();
    unsigned Slot = addValueSlot("range", Array->getType(),
                                 "elements of the for loop's list",
                                 RangeInit->getBeginLoc());
    emit(RangeInit->getBeginLoc(), constructWith(Slot, RangeText));
    becameLive(Slot);
    Range = Model.Slots[Slot].Name;
    RangeIsArray = true;
  } else if (Written->isPRValue()) {
    unsigned Slot =
        addValueSlot("range", Written->getType(), "range of the for loop",
                     RangeInit->getBeginLoc(), "", false, Written);
    emit(RangeInit->getBeginLoc(), constructFrom(Slot, RangeText));
    becameLive(Slot);
    Range = Model.Slots[Slot].Name;
  } else {
    unsigned Slot = addPointerSlot("range", Written->getType(),
                                   "range of the for loop", "", false, Written);
    emit(RangeInit->getBeginLoc(),
         constructFrom(Slot, addressOf(RangeText, Written->isXValue())));
    becameLive(Slot);
    Range = "(*" + Model.Slots[Slot].Name + ")";
  }
  endFullExpr(FE);

  auto IteratorInit = [&](const VarDecl *Var, const char *Member) {
    const Expr *Init = Var->getInit()->IgnoreImplicit();
    if (RangeIsArray)
      return std::string("std::") + Member + "(" + Range + ")";
    if (isa<CXXMemberCallExpr>(Init))
      return Range + "." + Member + "()";
    // Argument-dependent lookup, as the language does.
    return std::string(Member) + "(" + Range + ")";
  };
  std::string BeginName, EndName;
  if (!For->getBeginStmt() || !For->getEndStmt()) {
    // A dependent range: iterate it as std::begin/std::end would.
    auto Iterator = [&](const char *Member) {
      FrameSlot Slot;
      Slot.Name = Names.fresh(Member);
      Slot.Type = std::string("decltype(std::") + Member + "(" + Range + "))";
      Slot.NeedsDestruction = true;
      Slot.Comment = "iterator of the for loop";
      unsigned Index = addSlot(std::move(Slot));
      emit(For->getBeginLoc(),
           constructFrom(Index,
                         std::string("std::") + Member + "(" + Range + ")"));
      becameLive(Index);
      return Model.Slots[Index].Name;
    };
    BeginName = Iterator("begin");
    EndName = Iterator("end");
  } else {
    const VarDecl *BeginVar =
        cast<VarDecl>(For->getBeginStmt()->getSingleDecl());
    const VarDecl *EndVar = cast<VarDecl>(For->getEndStmt()->getSingleDecl());
    unsigned Begin =
        addValueSlot("begin", BeginVar->getType(), "iterator of the for loop",
                     For->getBeginLoc());
    emit(For->getBeginLoc(),
         constructFrom(Begin, IteratorInit(BeginVar, "begin")));
    becameLive(Begin);
    unsigned End = addValueSlot("end", EndVar->getType(), "end of the for loop",
                                For->getBeginLoc());
    emit(For->getBeginLoc(), constructFrom(End, IteratorInit(EndVar, "end")));
    becameLive(End);
    BeginName = Model.Slots[Begin].Name;
    EndName = Model.Slots[End].Name;
  }

  openBlock();
  std::string Element = "*" + BeginName;
  ImplicitSpelling = Element;
  ImplicitInits[LoopVar] = Element;
  lowerVarDecl(LoopVar, For->getLoopVarStmt(), &Element);
  ImplicitSpelling.clear();
  lowerStmt(For->getBody());
  std::string Body = closeBlock();
  emit(For->getBeginLoc(), "for (; " + BeginName + " != " + EndName + "; ++" +
                               BeginName + ") " + Body);
  emit(For->getBeginLoc(), closeBlock());
}

void FunctionLowering::lowerAwaitEach(const CXXForRangeStmt *For,
                                      const CallExpr *Marker) {
  // for (decl : AWAIT_EACH(g)) body
  //   == { auto&& generator = g;
  //        for (;;) { std::optional<T> next = AWAIT(generator.next());
  //                   if (!next) break; decl = *next; body } }
  // with the generator (a prvalue's object, or the address of an lvalue's,
  // which the loop then does not own) and `next` in the frame. As with a
  // range-for's hidden range variable, a generator the loop owns is
  // destroyed after the loop variable, on every way out of the loop.
  SourceLocation Loc = Marker->getBeginLoc();
  openBlock();
  const Expr *Gen = Marker->getArg(0)->IgnoreImplicit();
  FullExpr FE;
  FE.MarkersLeft = A.countMarkers(Gen);
  std::string GenText = lowerExpr(Gen, FE);
  if (Failed)
    return;
  unsigned GenSlot;
  std::string Generator;
  if (Gen->isPRValue()) {
    GenSlot = addValueSlot("generator", Gen->getType(),
                           "async generator of the AWAIT_EACH loop", Loc, "",
                           false, Gen);
    emit(Loc, constructFrom(GenSlot, GenText));
    becameLive(GenSlot);
    Generator = Model.Slots[GenSlot].Name;
  } else {
    GenSlot = addPointerSlot("generator", Gen->getType(),
                             "async generator of the AWAIT_EACH loop", "",
                             false, Gen);
    emit(Loc, constructFrom(GenSlot, addressOf(GenText, Gen->isXValue())));
    becameLive(GenSlot);
    Generator = "(*" + Model.Slots[GenSlot].Name + ")";
  }
  endFullExpr(FE);
  const std::string GenType = Model.Slots[GenSlot].Type;

  openBlock();
  FullExpr Next;
  int State = addState(Marker);
  FrameSlot Awaiter;
  Awaiter.Name = Names.fresh("await_" + std::to_string(State));
  Awaiter.Type = "awaitc::detail::async_next_awaiter_t<" + GenType + ">";
  Awaiter.Kind = FrameSlot::Storage::Manual;
  Awaiter.NeedsDestruction = true;
  Awaiter.Comment = "awaiter of the AWAIT_EACH on line " +
                    std::to_string(Src.line(Src.offset(Loc)));
  unsigned AwaiterSlot = addSlot(Awaiter);
  emit(Loc, "::new (awaitc::detail::storage_of(" + Awaiter.Name + ")) " +
                Awaiter.Type + "(" + Generator + ".next());");
  becameLive(AwaiterSlot);
  Next.Temps.push_back(AwaiterSlot);
  emitSuspension(State,
                 "this->awaitc_suspend_at(" + std::to_string(State) + ", " +
                     Awaiter.Name + ")",
                 Loc);
  FrameSlot Value;
  Value.Name = Names.fresh("next");
  Value.Type = "awaitc::detail::async_next_result_t<" + GenType + ">";
  Value.Kind = FrameSlot::Storage::Manual;
  Value.NeedsDestruction = true;
  Value.Comment = "value of the AWAIT_EACH loop";
  unsigned ValueSlot = addSlot(Value);
  emit(Loc, constructFrom(ValueSlot, Awaiter.Name + ".await_resume()"));
  becameLive(ValueSlot);
  endFullExpr(Next);
  emitGlue("if (!" + Value.Name + ") break;");

  std::string Element = "*" + Value.Name;
  ImplicitSpelling = Element;
  ImplicitInits[For->getLoopVariable()] = Element;
  lowerVarDecl(For->getLoopVariable(), For->getLoopVarStmt(), &Element);
  ImplicitSpelling.clear();
  lowerStmt(For->getBody());
  emit(For->getBeginLoc(), "for (;;) " + closeBlock());
  emit(For->getBeginLoc(), closeBlock());
}

void FunctionLowering::lowerSwitch(const SwitchStmt *Switch) {
  const auto *Body = dyn_cast<CompoundStmt>(Switch->getBody());
  if (!Body)
    return fail(Switch->getBeginLoc(),
                "a switch that suspends must have a braced body");
  openBlock();
  if (Switch->getInit())
    lowerStmt(Switch->getInit());
  std::string Cond =
      lowerCondition(Switch->getCond(), Switch->getConditionVariable(), Switch,
                     Switch->getCond()->getType());
  openBlock(/*GuardsGoToParent=*/true);
  current().StartsWithCase =
      !Body->body_empty() && isa<SwitchCase>(Body->body_front());
  lowerChildren(Body);
  std::string BodyText = closeBlock();
  emit(Switch->getBeginLoc(), "switch (" + Cond + ") " + BodyText);
  emit(Switch->getBeginLoc(), closeBlock());
}

bool FunctionLowering::needsLowering(const Stmt *S) const {
  if (A.suspends(S))
    return true;
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (A.isHoisted(VD))
          return true;
    return false;
  }
  if (const auto *Label = dyn_cast<LabelStmt>(S))
    return needsLowering(Label->getSubStmt());
  if (const auto *Case = dyn_cast<SwitchCase>(S))
    return needsLowering(Case->getSubStmt());
  if (const auto *Attributed = dyn_cast<AttributedStmt>(S))
    return needsLowering(Attributed->getSubStmt());
  return false;
}

void FunctionLowering::checkBody(const Stmt *S) {
  if (!S || Failed)
    return;
  if (const auto *Goto = dyn_cast<GotoStmt>(S)) {
    const LabelStmt *Label = Goto->getLabel()->getStmt();
    // Entering a block that holds a suspension point skips its guards and
    // dispatch, which C++ forbids (they are declarations).
    for (const Stmt *P = A.parent(Label); P && P != Fn.getBody();
         P = A.parent(P))
      if (A.suspends(P) && !A.isWithin(Goto, P) &&
          isa<CompoundStmt, IfStmt, WhileStmt, DoStmt, ForStmt, CXXForRangeStmt,
              SwitchStmt, CXXTryStmt, CXXCatchStmt>(P)) {
        fail(Goto->getGotoLoc(), "a goto into a block that holds a "
                                 "suspension point is not supported");
        note(Label->getIdentLoc(), "the label is here");
        return;
      }
  }
  if (isa<IndirectGotoStmt, AddrLabelExpr>(S))
    return fail(S->getBeginLoc(), "computed goto cannot be used in an "
                                  "annotated function");
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      if (const IdentifierInfo *II = Callee->getIdentifier()) {
        StringRef Name = II->getName();
        if (Name == "setjmp" || Name == "_setjmp" || Name == "sigsetjmp" ||
            Name == "__sigsetjmp")
          return fail(Call->getBeginLoc(),
                      "setjmp cannot be used in an annotated function: the "
                      "context it saves does not survive a suspension");
      }
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (A.isHoisted(VD) && VD->getType()->isVariablyModifiedType()) {
          fail(VD->getLocation(), "a variable-length array cannot live "
                                  "across a suspension");
          return;
        }
  for (const Stmt *Child : S->children())
    if (!isa_and_nonnull<LambdaExpr>(Child))
      checkBody(Child);
}

std::string FunctionLowering::destroyBeforeGoto(const GotoStmt *Goto) {
  // Jumping back over the declaration of a hoisted local ends its
  // lifetime, as leaving its scope would; its guard does not see that.
  const LabelStmt *Label = Goto->getLabel()->getStmt();
  unsigned LabelAt = Src.offset(Label->getBeginLoc());
  unsigned GotoAt = Src.offset(Goto->getBeginLoc());
  if (LabelAt > GotoAt)
    return "";
  std::string Code;
  std::vector<std::pair<unsigned, std::string>> Guards;
  for (auto &[VD, Slot] : SlotOf) {
    const FrameSlot &S = Model.Slots[Slot];
    unsigned DeclAt = Src.offset(VD->getLocation());
    if (S.Guard.empty() || DeclAt < LabelAt || DeclAt > GotoAt)
      continue;
    // A local of a block that has already ended is gone, and so is its
    // guard.
    if (std::find(Live.begin(), Live.end(), Slot) == Live.end())
      continue;
    // Only locals whose block the goto does not leave (the guards of the
    // blocks it leaves run by themselves).
    const Stmt *Block = nullptr;
    for (const Stmt *P = A.parent(Goto); P; P = A.parent(P))
      if (isa<CompoundStmt>(P) && Src.range(P) &&
          Src.range(P)->Begin <= DeclAt && DeclAt < Src.range(P)->End) {
        Block = P;
        break;
      }
    if (Block && A.isWithin(Label, Block))
      Guards.push_back({DeclAt, S.Guard});
  }
  std::sort(Guards.rbegin(), Guards.rend());
  for (auto &[At, Guard] : Guards)
    Code += Guard + ".destroy(); ";
  return Code;
}

std::string FunctionLowering::catchClause(const CXXCatchStmt *Handler) {
  const VarDecl *Param = Handler->getExceptionDecl();
  if (!Param)
    return "catch (...)";
  auto R = Src.range(Param->getSourceRange());
  if (!R) {
    fail(Handler->getCatchLoc(), "awaitc cannot copy this exception "
                                 "declaration (inside a macro?)");
    return "";
  }
  return "catch (" + Src.text(*R).str() + ")";
}

void FunctionLowering::lowerTry(const CXXTryStmt *Try) {
  // try { body } catch (E& e) { handler }
  //
  // The try block is re-entered through a label placed before `try`, and
  // its own dispatch. A handler that suspends cannot be re-entered at all,
  // so the real handler only keeps the exception; the handler's body runs
  // after the try statement, inside
  //   try { std::rethrow_exception(caught); } catch (E& e) { handler }
  // which is entered again the same way after each suspension: `throw;`,
  // std::current_exception() and everything the handler calls see the
  // exception being handled, as in C++.
  openBlock();
  std::vector<unsigned> Deferred;
  for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
    if (A.suspends(Try->getHandler(I)))
      Deferred.push_back(I);
  std::optional<unsigned> Caught, Which;
  if (!Deferred.empty()) {
    FrameSlot Exception;
    Exception.Name = Names.fresh("caught");
    Exception.Type = "std::exception_ptr";
    Exception.NeedsDestruction = true;
    Exception.Comment = "the exception a suspending handler handles";
    Caught = addSlot(std::move(Exception));
    Which = addValueSlot("handler", Ctx.IntTy,
                         "which suspending handler runs (0: none)",
                         Try->getBeginLoc());
    emit(Try->getBeginLoc(), Model.Slots[*Which].Name + " = 0;");
  }

  openBlock();
  lowerChildren(Try->getTryBlock());
  std::string Entry;
  std::string Body = closeBlock(&Entry);
  if (!Entry.empty())
    emitGenerated(Entry + ":;");
  // The handlers follow the try block's closing brace where the user wrote
  // them: on its line, or on lines of their own.
  std::string GeneratedBrace = generatedMark() + indent() + "}";
  if (llvm::StringRef(Body).ends_with(GeneratedBrace))
    Body.replace(Body.size() - GeneratedBrace.size(), GeneratedBrace.size(),
                 placementAt(Try->getTryBlock()->getRBracLoc()) + "}");
  std::string Text = "try " + Body;
  for (unsigned I = 0; I < Try->getNumHandlers(); ++I) {
    const CXXCatchStmt *Handler = Try->getHandler(I);
    bool Defers =
        std::find(Deferred.begin(), Deferred.end(), I) != Deferred.end();
    if (!Defers) {
      Text += " " + placementAt(Handler->getBeginLoc()) + rewrite(Handler);
      continue;
    }
    const VarDecl *Param = Handler->getExceptionDecl();
    if (Param && !Param->getType()->isReferenceType())
      fail(Param->getLocation(),
           "catch the exception by reference in a handler that suspends; a "
           "copy caught by value would be made again at each resumption");
    // A copy: lowering the handler adds slots, which may move them.
    const FrameSlot CaughtSlot = Model.Slots[*Caught];
    Text += " " + placementAt(Handler->getBeginLoc()) + catchClause(Handler) +
            " { ::new (awaitc::detail::storage_of(" + CaughtSlot.Name +
            ")) std::exception_ptr(std::current_exception()); " +
            CaughtSlot.Guard + ".arm(); " + Model.Slots[*Which].Name + " = " +
            std::to_string(I + 1) + "; }";
  }
  emit(Try->getBeginLoc(), Text);

  for (unsigned I : Deferred) {
    const CXXCatchStmt *Handler = Try->getHandler(I);
    // A copy: lowering the handler adds slots, which may move them.
    const FrameSlot CaughtSlot = Model.Slots[*Caught];
    // The exception stays alive, held by `caught`, while the handler runs.
    Live.push_back(*Caught);
    openBlock();
    openBlock();
    lowerChildren(cast<CompoundStmt>(Handler->getHandlerBlock()));
    std::string HandlerEntry;
    std::string HandlerBody = closeBlock(&HandlerEntry);
    if (!HandlerEntry.empty())
      emitGenerated(HandlerEntry + ":;");
    // The handler runs where the user wrote it; the rethrow that makes its
    // exception the current one is glue, on a line of its own. The `throw;`
    // is never reached (the exception is always there): it is what shows
    // Clang's flow analysis that the handler runs, so the warnings Clang
    // gives only for reachable code (-Wsign-compare...) are given in it.
    emitGenerated("try { if (" + CaughtSlot.Name +
                  ") std::rethrow_exception(" + CaughtSlot.Name +
                  "); throw; } " + placementAt(Handler->getBeginLoc()) +
                  catchClause(Handler) + " " + HandlerBody);
    GlueLine = Src.line(Src.offset(Handler->getBeginLoc()));
    emitGlue(destroyNow(*Caught));
    emit(Handler->getBeginLoc(), "if (" + Model.Slots[*Which].Name +
                                     " == " + std::to_string(I + 1) + ") " +
                                     closeBlock());
  }
  emit(Try->getBeginLoc(), closeBlock());
}

std::string FunctionLowering::returnText(const ReturnStmt *R,
                                         const std::string &Value) {
  const Expr *V = A.userReturnValue(R);
  bool ReturnsValue = A.function().Kind == CoroutineKind::Async &&
                      !A.function().ResultType->isVoidType();
  if (!V)
    return "return;";
  if (!ReturnsValue)
    return "{ " + Value + "; return; }";
  std::string Moved = Value;
  // `return {a, b};`: the list initializes the result type.
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(V))
    if (Construct->getType()->getAsCXXRecordDecl() ==
        Fn.getReturnType()->getAsCXXRecordDecl())
      Moved = printType(A.function().ResultType, V->getBeginLoc(),
                        /*Written=*/true) +
              Value;
  // `return local;` moves, as C++ does for a returned local or parameter.
  if (const auto *Ref = dyn_cast<DeclRefExpr>(V->IgnoreParens()))
    if (const auto *VD = dyn_cast<VarDecl>(Ref->getDecl()))
      if (VD->hasLocalStorage() && !VD->getType()->isReferenceType() &&
          !VD->getType().isVolatileQualified()) {
        Moved = "std::move(" + Value + ")";
        // (A reference is returned as the lvalue it is.)
        auto Decided = DecidedInInstantiation.find(VD);
        if (Decided != DecidedInInstantiation.end())
          Moved = "static_cast<std::conditional_t<std::is_reference_v<" +
                  Decided->second + ">, " + Decided->second + " &, " +
                  Decided->second + " &&>>(" + Value + ")";
      }
  return "{ this->awaitc_return_value(" + Moved + "); return; }";
}

void FunctionLowering::lowerReturn(const ReturnStmt *R) {
  const Expr *V = A.userReturnValue(R);
  FullExpr FE;
  FE.MarkersLeft = A.countMarkers(V);
  std::string Value = lowerExpr(V, FE);
  std::string Text = returnText(R, Value);
  // The return value is set before the temporaries of its expression die.
  if (Text.front() == '{')
    Text = Text.substr(2, Text.size() - 4 - std::string(" return;").size());
  else
    Text.clear();
  if (!Text.empty())
    emit(R->getBeginLoc(), Text);
  endFullExpr(FE);
  emit(R->getBeginLoc(), "return;");
}

void FunctionLowering::lowerExprStmt(const Expr *E) {
  if (const CallExpr *Marker = yieldOf(E))
    return lowerYield(Marker);
  FullExpr FE;
  FE.MarkersLeft = A.countMarkers(E);
  std::string Text = lowerExpr(E, FE);
  emit(E->getBeginLoc(), Text + ";");
  endFullExpr(FE);
}

void FunctionLowering::lowerYield(const CallExpr *Marker) {
  // The value as written: it initializes the yielded slot, so the
  // temporary the marker's reference parameter would make is not needed.
  const Expr *Arg = Marker->getArg(0)->IgnoreImplicit();
  FullExpr FE;
  FE.MarkersLeft = A.countMarkers(Arg);
  // The generator suspends within the full-expression: its temporaries
  // live in the frame until it is resumed.
  std::string Value =
      beforeSuspension(FE, [&] { return lowerExpr(Arg, FE); });
  QualType ValueType = A.function().ResultType.getUnqualifiedType();
  unsigned Slot = addValueSlot("yielded", ValueType, "the value of a YIELD",
                               Marker->getBeginLoc());
  emit(Marker->getBeginLoc(), constructFrom(Slot, Value));
  becameLive(Slot);
  FE.Temps.push_back(Slot);
  int State = addState(Marker);
  emit(Marker->getBeginLoc(), "this->awaitc_yield_at(" + std::to_string(State) +
                                  ", " + Model.Slots[Slot].Name + ");");
  emitSuspension(State, "", Marker->getBeginLoc());
  endFullExpr(FE);
}

// --- Expressions -------------------------------------------------------------

static std::vector<const Expr *> operandsOf(const Expr *E);

std::string FunctionLowering::lowerExpr(const Expr *E, FullExpr &FE) {
  if (Failed || !E)
    return "";
  if (!A.suspends(E))
    return rewrite(E);
  if (const CallExpr *Marker = asMarker(E)) {
    if (markerKindOf(*Marker) == MarkerKind::Yield) {
      fail(Marker->getBeginLoc(),
           "YIELD must be a statement of its own, not part of an expression");
      return "";
    }
    if (markerKindOf(*Marker) == MarkerKind::AwaitEach) {
      fail(Marker->getBeginLoc(), "AWAIT_EACH can only be the range of a "
                                  "range-based for loop");
      return "";
    }
    return lowerAwait(Marker, FE);
  }
  if (isa<LambdaExpr, StmtExpr, BlockExpr, CXXDefaultArgExpr,
          CXXDefaultInitExpr>(E)) {
    fail(E->getBeginLoc(), "awaitc cannot transform a suspension here");
    return "";
  }
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
    if (KeepTemporariesIn && !Temp->getExtendingDecl() &&
        !Temp->getType()->isArrayType()) {
      // `AWAIT(use(std::vector<int>{AWAIT(one()), 2}))`: the temporary
      // must outlive the suspension that follows it.
      std::string Value = lowerExpr(Temp->getSubExpr(), FE);
      if (Failed)
        return "";
      return keepTemporary(Temp, [&] { return Value; });
    }
  if (KeepTemporariesIn) {
    // `AWAIT(use(std::vector<T>{x, AWAIT(one())}))` in a template.
    std::optional<bool> Kept = isInstantiatedTemporary(E);
    if (!Kept)
      return "";
    if (*Kept) {
      std::string Value = lowerOperation(E, FE);
      if (Failed)
        return "";
      return keepTemporary(E, [&] { return Value; });
    }
  }
  return lowerOperation(E, FE);
}

std::string FunctionLowering::lowerOperation(const Expr *E, FullExpr &FE) {
  if (const auto *Op = dyn_cast<BinaryOperator>(E)) {
    if (Op->isLogicalOp() && A.suspends(Op->getRHS()))
      return lowerShortCircuit(Op, FE);
    // `a, b`: a is evaluated, and discarded, before b.
    if (Op->getOpcode() == BO_Comma) {
      // `a, b, c`: each discarded operand in turn, as a statement; a
      // discarded temporary object still dies with the full-expression.
      std::vector<const Expr *> Discarded;
      const Expr *Last = Op;
      while (const auto *Comma =
                 dyn_cast<BinaryOperator>(Last->IgnoreParens())) {
        if (Comma->getOpcode() != BO_Comma)
          break;
        Discarded.push_back(Comma->getRHS());
        Last = Comma->getLHS();
      }
      Discarded.push_back(Last);
      std::reverse(Discarded.begin(), Discarded.end());
      const Expr *Value = Discarded.back();
      Discarded.pop_back();
      for (const Expr *Operand : Discarded) {
        std::string Text =
            beforeSuspension(FE, [&] { return lowerExpr(Operand, FE); });
        if (Operand->isPRValue() && needsDestruction(Operand->getType()))
          spill(Operand, Text, FE);
        else
          emit(Operand->getBeginLoc(), "static_cast<void>(" + Text + ");");
      }
      return lowerExpr(Value, FE);
    }
  }
  if (const auto *Op = dyn_cast<AbstractConditionalOperator>(E))
    if (A.suspends(Op->getTrueExpr()) || A.suspends(Op->getFalseExpr()))
      return lowerConditional(Op, FE);
  auto R = exprRange(E);
  std::vector<Edit> Edits = lowerOperands(E, FE);
  if (!R) {
    // Implicit nodes (conversions, temporaries) have their operand's text;
    // any other node without text of its own (part of it is a macro's
    // text) cannot be re-assembled from its operands' edits.
    std::vector<const Expr *> Operands = operandsOf(E);
    if (Edits.size() == 1 && Operands.size() == 1 &&
        Operands.front()->getSourceRange() == E->getSourceRange())
      if (auto OperandRange = exprRange(Operands.front()))
        if (OperandRange->Begin == Edits.front().Range.Begin &&
            OperandRange->End == Edits.front().Range.End)
          return Edits.front().Text;
    if (!Failed)
      fail(E->getBeginLoc(), "awaitc cannot rewrite this expression");
    return "";
  }
  return splice(*R, std::move(Edits));
}

std::string FunctionLowering::lowerExprInto(const Expr *E, ByteRange Outer,
                                            FullExpr &FE) {
  if (!A.suspends(E))
    return rewriteRange(Outer, E);
  auto R = exprRange(E);
  if (R &&
      (asMarker(E) ||
       isa<BinaryOperator, AbstractConditionalOperator>(E->IgnoreImplicit())) &&
      Outer.contains(*R)) {
    std::string Text = lowerExpr(E, FE);
    return splice(Outer, {{*R, Text}});
  }
  const Expr *Inner = E;
  // Look through the implicit nodes whose text is the whole initializer.
  while (true) {
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Inner))
      Inner = Cleanups->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(Inner))
      Inner = Bind->getSubExpr();
    else if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Inner))
      Inner = Cast->getSubExpr();
    else
      break;
  }
  R = exprRange(Inner);
  if (R && Outer.contains(*R) &&
      !isa<CXXConstructExpr, InitListExpr, ParenListExpr>(Inner)) {
    std::string Text = lowerExpr(Inner, FE);
    return splice(Outer, {{*R, Text}});
  }
  return splice(Outer, lowerOperands(Inner, FE));
}

Sequencing FunctionLowering::sequencingOf(const Expr *E) const {
  if (const auto *Op = dyn_cast<BinaryOperator>(E)) {
    if (Op->isAssignmentOp())
      return Sequencing::RightToLeft;
    switch (Op->getOpcode()) {
    case BO_Shl:
    case BO_Shr:
    case BO_Comma:
    case BO_LAnd:
    case BO_LOr:
    case BO_PtrMemD:
    case BO_PtrMemI:
      return Sequencing::LeftToRight;
    default:
      return Sequencing::Unsequenced;
    }
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    // An overloaded operator keeps the built-in operator's sequencing.
    switch (Op->getOperator()) {
    case OO_Equal:
    case OO_PlusEqual:
    case OO_MinusEqual:
    case OO_StarEqual:
    case OO_SlashEqual:
    case OO_PercentEqual:
    case OO_CaretEqual:
    case OO_AmpEqual:
    case OO_PipeEqual:
    case OO_LessLessEqual:
    case OO_GreaterGreaterEqual:
      return Sequencing::RightToLeft;
    case OO_LessLess:
    case OO_GreaterGreater:
    case OO_Comma:
    case OO_AmpAmp:
    case OO_PipePipe:
    case OO_Subscript:
    case OO_ArrowStar:
      return Sequencing::LeftToRight;
    case OO_Call:
      return Sequencing::CalleeFirst;
    default:
      return Sequencing::Unsequenced;
    }
  }
  if (isa<ArraySubscriptExpr>(E))
    return Sequencing::LeftToRight;
  if (isa<CallExpr>(E))
    return Sequencing::CalleeFirst;
  if (isa<InitListExpr>(E))
    return Sequencing::LeftToRight;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return Construct->isListInitialization() ? Sequencing::LeftToRight
                                             : Sequencing::Unsequenced;
  return Sequencing::Unsequenced;
}

/// The operands of \p E that the lowering may have to rewrite, in source
/// order. For an overloaded operator the callee is the operator token.
static std::vector<const Expr *> operandsOf(const Expr *E) {
  std::vector<const Expr *> Operands;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    for (const Expr *Arg : Op->arguments())
      Operands.push_back(Arg);
    return Operands;
  }
  for (const Stmt *Child : E->children())
    if (const auto *ChildExpr = dyn_cast_or_null<Expr>(Child))
      Operands.push_back(ChildExpr);
  return Operands;
}

std::vector<Edit> FunctionLowering::lowerOperands(const Expr *E, FullExpr &FE) {
  std::vector<Edit> Edits;
  std::vector<const Expr *> Operands = operandsOf(E);
  Sequencing Order = sequencingOf(E);
  std::vector<size_t> Evaluation(Operands.size());
  for (size_t I = 0; I < Operands.size(); ++I)
    Evaluation[I] = I;
  if (Order == Sequencing::RightToLeft)
    std::reverse(Evaluation.begin(), Evaluation.end());

  // Operands sequenced before the last one that suspends must be evaluated
  // (into frame slots) before that suspension; the others may be evaluated
  // after it, in the final expression.
  size_t LastSuspending = Operands.size();
  for (size_t Pos = 0; Pos < Evaluation.size(); ++Pos)
    if (A.suspends(Operands[Evaluation[Pos]]))
      LastSuspending = Pos;
  bool AnyArgumentSuspends = false;
  if (Order == Sequencing::CalleeFirst)
    for (size_t I = 1; I < Operands.size(); ++I)
      AnyArgumentSuspends |= A.suspends(Operands[I]);

  for (size_t Pos = 0; Pos < Evaluation.size() && !Failed; ++Pos) {
    size_t I = Evaluation[Pos];
    const Expr *Operand = Operands[I];
    bool Early = false;
    if (Order == Sequencing::LeftToRight || Order == Sequencing::RightToLeft)
      Early = LastSuspending != Operands.size() && Pos < LastSuspending;
    if (Order == Sequencing::CalleeFirst && I == 0)
      Early = AnyArgumentSuspends;
    if (Early && isStable(Operand))
      Early = false;
    if (!Early && !A.suspends(Operand)) {
      // Evaluated in place, as written, but with the edits every copied
      // piece of code gets (renamed locals, references through pointers).
      if (auto R = exprRange(Operand)) {
        std::string Text = rewrite(Operand);
        if (Text != Src.text(*R))
          Edits.push_back({*R, Text});
      }
      continue;
    }
    auto R = exprRange(Operand);
    if (Early && Order == Sequencing::CalleeFirst && I == 0) {
      spillCallee(Operand, FE, Edits);
      continue;
    }
    if (!R) {
      fail(Operand->getBeginLoc(),
           "awaitc cannot rewrite this operand: its text is not in this "
           "file (is it inside a macro?)");
      return Edits;
    }
    std::string Text =
        Early ? spillOperand(Operand, FE) : lowerExpr(Operand, FE);
    Edits.push_back({*R, Text});
  }
  return Edits;
}

/// The object of a member call `obj.m` / `p->m` (resolved, overloaded or
/// dependent), or null.
static const Expr *memberCallObject(const Expr *Callee) {
  Callee = Callee->IgnoreParens();
  if (const auto *Member = dyn_cast<MemberExpr>(Callee))
    return isa<CXXMethodDecl>(Member->getMemberDecl()) ? Member->getBase()
                                                       : nullptr;
  if (const auto *Member = dyn_cast<UnresolvedMemberExpr>(Callee))
    return Member->isImplicitAccess() ? nullptr : Member->getBase();
  if (const auto *Member = dyn_cast<CXXDependentScopeMemberExpr>(Callee))
    return Member->isImplicitAccess() ? nullptr : Member->getBase();
  return nullptr;
}

/// Whether \p Callee, an operand that is a bound member function (which has
/// no type C++ can name), is an implicit member access `m` in a member.
static bool isImplicitMemberCallee(const Expr *Callee) {
  Callee = Callee->IgnoreParens();
  if (const auto *Member = dyn_cast<MemberExpr>(Callee))
    return Member->isImplicitAccess();
  if (const auto *Member = dyn_cast<UnresolvedMemberExpr>(Callee))
    return Member->isImplicitAccess();
  if (const auto *Member = dyn_cast<CXXDependentScopeMemberExpr>(Callee))
    return Member->isImplicitAccess();
  return false;
}

void FunctionLowering::spillCallee(const Expr *Callee, FullExpr &FE,
                                   std::vector<Edit> &Edits) {
  // A callee is evaluated before the arguments. What it denotes is kept
  // across their suspensions: the object of a member call (not the bound
  // member, which has no type), the operands of `.*`/`->*`, a function
  // pointer or function object; a name denotes the same entity later.
  auto Keep = [&](const Expr *E) {
    auto R = exprRange(E);
    if (!R) {
      fail(E->getBeginLoc(), "awaitc cannot rewrite this call");
      return;
    }
    if (isStable(E) || isImplicitMemberCallee(E)) {
      std::string Text = rewrite(E);
      if (Text != Src.text(*R))
        Edits.push_back({*R, Text});
      return;
    }
    Edits.push_back({*R, spillOperand(E, FE)});
  };
  if (isImplicitMemberCallee(Callee))
    return Keep(Callee);
  if (const Expr *Object = memberCallObject(Callee)) {
    // `ptr->m`, `ptr` a class with operator->: the text of the operator
    // call is `ptr->`; the object keeps it, operator-> runs after the
    // arguments.
    if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(Object))
      if (Arrow->getOperator() == OO_Arrow)
        return Keep(Arrow->getArg(0));
    // The member's own name (and explicit template arguments) stay.
    return Keep(Object);
  }
  if (const auto *PtrMem = dyn_cast<BinaryOperator>(Callee->IgnoreParens()))
    if (PtrMem->isPtrMemOp()) {
      Keep(PtrMem->getLHS());
      Keep(PtrMem->getRHS());
      return;
    }
  // An immediately invoked lambda: creating the closure later, after the
  // arguments, is the same unless it copies something the arguments may
  // change while suspended.
  const Expr *Bare = Callee->IgnoreImplicit();
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(Bare))
    Bare = Temp->getSubExpr()->IgnoreImplicit();
  if (const auto *Lambda = dyn_cast<LambdaExpr>(Bare)) {
    // A lambda moved into a factory has a closure type the frame can name.
    if (Factories.count(Lambda))
      return Keep(Callee);
    // A copy that cannot differ later: of a const object, or an
    // init-capture of a constant (`[k = 3]`).
    auto Unchanging = [&](const VarDecl *Var) {
      if (!Var->isInitCapture())
        return Var->getType().isConstQualified() &&
               !Var->getType().isVolatileQualified();
      const Expr *Init = Var->getInit();
      return Init && !Init->isValueDependent() && !Init->isTypeDependent() &&
             Init->isEvaluatable(Ctx);
    };
    for (const LambdaCapture &Capture : Lambda->captures())
      if (Capture.capturesVariable() &&
          (Capture.getCaptureKind() == LCK_ByCopy ||
           cast<VarDecl>(Capture.getCapturedVar())->isInitCapture()) &&
          !Unchanging(cast<VarDecl>(Capture.getCapturedVar()))) {
        // The closure is made now, by a factory, and kept in the frame.
        if (planKeptClosure(Lambda))
          Keep(Callee);
        return;
      }
    if (auto R = exprRange(Callee)) {
      std::string Text = rewrite(Callee);
      if (Text != Src.text(*R))
        Edits.push_back({*R, Text});
    }
    return;
  }
  Keep(Callee);
}

bool FunctionLowering::isStable(const Expr *E) const {
  // Evaluating these early or late gives the same result: constants, and
  // names of objects (not their values, which a suspension may change).
  E = E->IgnoreParens();
  if (isa<IntegerLiteral, FloatingLiteral, CharacterLiteral, StringLiteral,
          CXXBoolLiteralExpr, CXXNullPtrLiteralExpr, CXXThisExpr>(E))
    return true;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return isa<VarDecl, FunctionDecl, EnumConstantDecl>(Ref->getDecl());
  if (isa<UnresolvedLookupExpr, DependentScopeDeclRefExpr>(E))
    return true; // a name, in a template
  if (const auto *Expansion = dyn_cast<PackExpansionExpr>(E))
    return isStable(Expansion->getPattern()); // `args...`
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E))
    switch (Cast->getCastKind()) {
    case CK_FunctionToPointerDecay:
    case CK_ArrayToPointerDecay:
    case CK_NoOp:
    case CK_DerivedToBase:
    case CK_UncheckedDerivedToBase:
      return isStable(Cast->getSubExpr());
    default:
      return false;
    }
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    if (!isa<FieldDecl>(Member->getMemberDecl()))
      return false;
    if (Member->isArrow())
      return isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts());
    return isStable(Member->getBase());
  }
  return false;
}

std::string FunctionLowering::spillOperand(const Expr *Operand, FullExpr &FE) {
  if (isa<PackExpansionExpr>(Operand->IgnoreParens())) {
    // Its elements would need a slot each.
    fail(Operand->getBeginLoc(),
         "awaitc cannot evaluate this pack expansion before the suspension "
         "that follows it in the expression; store the values in a variable "
         "first");
    return "";
  }
  const Expr *Bare = Operand->IgnoreParens();
  while (const auto *Cast = dyn_cast<ImplicitCastExpr>(Bare)) {
    if (Cast->getCastKind() != CK_NoOp)
      break;
    Bare = Cast->getSubExpr()->IgnoreParens();
  }
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(Bare)) {
    // A temporary object (`make().method(AWAIT(x))`): built in the frame,
    // where it lives until the full-expression ends.
    const Expr *Value = Temp->getSubExpr();
    std::string Text =
        beforeSuspension(FE, [&] { return lowerExpr(Value, FE); });
    // `AWAIT(make()).m(AWAIT(x))`: the awaited result is already in a slot
    // of its own, where it lives until the full-expression ends.
    if (asMarker(Value->IgnoreImplicit()) && FE.MarkersLeft > 0)
      return Text;
    unsigned Slot = addValueSlot("temporary", Value->getType(),
                                 "a temporary that lives across a "
                                 "suspension",
                                 Operand->getBeginLoc(), "", false, Value);
    emit(Operand->getBeginLoc(), constructFrom(Slot, Text));
    becameLive(Slot);
    FE.Temps.push_back(Slot);
    return "std::move(" + Model.Slots[Slot].Name + ")";
  }
  std::string Text =
      beforeSuspension(FE, [&] { return lowerExpr(Operand, FE); });
  // In a template, a temporary of the instantiations is kept in its own
  // slot, where it lives until the full-expression ends: built now.
  if (auto R = exprRange(Bare))
    if (auto Kept = KeptSlots.find({R->Begin, R->End});
        Kept != KeptSlots.end()) {
      emit(Operand->getBeginLoc(), Text + ";");
      return "std::move(" + Model.Slots[Kept->second].Name + ")";
    }
  return spill(Operand, Text, FE);
}

std::optional<ExprValueKind>
FunctionLowering::instantiatedValueKind(const Expr *E) const {
  std::optional<ExprValueKind> Kind;
  for (const FunctionDecl *Instance : instantiationsOf(Fn)) {
    const Expr *Same = findSpelledAs(Instance->getBody(), E->getSourceRange());
    if (!Same || (Kind && *Kind != Same->getValueKind()))
      return std::nullopt;
    Kind = Same->getValueKind();
  }
  return Kind;
}

std::string FunctionLowering::spill(const Expr *E, const std::string &Text,
                                    FullExpr &FE) {
  QualType T = E->getType();
  // In a template Clang calls what it cannot resolve yet a prvalue; an
  // object the instantiations refer to is kept by address, not copied.
  ExprValueKind Kind = E->getValueKind();
  if (E->isTypeDependent())
    if (auto Instantiated = instantiatedValueKind(E))
      Kind = *Instantiated;
  if (Kind == VK_PRValue) {
    if (T->isVoidType()) {
      emit(E->getBeginLoc(), Text + ";");
      return "void()";
    }
    unsigned Slot = addValueSlot("temporary", T,
                                 "a value computed before "
                                 "a suspension",
                                 E->getBeginLoc(), "", false, E);
    emit(E->getBeginLoc(), constructFrom(Slot, Text));
    becameLive(Slot);
    FE.Temps.push_back(Slot);
    return slotValue(Slot, E);
  }
  if (E->refersToBitField()) {
    fail(E->getBeginLoc(), "awaitc cannot keep a reference to a bit-field "
                           "across a suspension; copy it first");
    return "";
  }
  unsigned Slot = addPointerSlot("operand", T,
                                 "an object referred to across "
                                 "a suspension",
                                 "", false, E);
  emit(E->getBeginLoc(),
       constructFrom(Slot, addressOf(Text, Kind == VK_XValue)));
  becameLive(Slot);
  FE.Temps.push_back(Slot);
  if (Kind == VK_XValue)
    return "std::move(*" + Model.Slots[Slot].Name + ")";
  return slotValue(Slot, E);
}

std::string FunctionLowering::slotValue(unsigned Slot, const Expr *Of) const {
  const FrameSlot &S = Model.Slots[Slot];
  if (S.Kind == FrameSlot::Storage::Pointer)
    return Of && Of->isXValue() ? "std::move(*" + S.Name + ")"
                                : "(*" + S.Name + ")";
  if (S.Kind == FrameSlot::Storage::Plain)
    return S.Name;
  return "std::move(" + S.Name + ")";
}

std::string FunctionLowering::lowerAwait(const CallExpr *Marker, FullExpr &FE) {
  const Expr *Arg = Marker->getArg(0);
  // The awaitable as written: the awaiter takes it over, so the temporary
  // the marker's reference parameter would make is not needed.
  const Expr *Written = Arg->IgnoreImplicit();
  std::string Awaitable =
      beforeSuspension(FE, [&] { return lowerExpr(Written, FE); });
  if (FE.MarkersLeft > 0)
    --FE.MarkersLeft;
  bool Last = FE.MarkersLeft == 0;
  SourceLocation Loc = Marker->getBeginLoc();

  std::string ArgType;
  if (Written->isTypeDependent()) {
    // decltype((e)) is T&, T&& or T for an lvalue, xvalue or prvalue.
    ArgType = "decltype((" + plainText(Written) + "))";
  } else {
    ArgType = printType(Written->getType(), Loc);
    if (Written->isLValue())
      ArgType += "&";
    else if (Written->isXValue())
      ArgType += "&&";
  }
  std::string AwaiterType = "awaitc::detail::awaiter_t<" + ArgType + ">";
  int State = addState(Marker);
  FrameSlot Awaiter;
  Awaiter.Name = Names.fresh("await_" + std::to_string(State));
  Awaiter.Type = AwaiterType;
  Awaiter.Kind = FrameSlot::Storage::Manual;
  Awaiter.NeedsDestruction = true;
  Awaiter.Comment = "awaiter of the AWAIT on line " +
                    std::to_string(Src.line(Src.offset(Loc)));
  unsigned Slot = addSlot(Awaiter);
  emit(Loc, "::new (awaitc::detail::storage_of(" + Awaiter.Name + ")) " +
                AwaiterType + "(awaitc::detail::get_awaiter(" + Awaitable +
                "));");
  becameLive(Slot);
  FE.Temps.push_back(Slot);
  // The state records what is alive while suspended here, the awaiter too.
  Model.States[State - 1].Live = Live;
  emitSuspension(State,
                 "this->awaitc_suspend_at(" + std::to_string(State) + ", " +
                     Awaiter.Name + ")",
                 Loc);

  std::string Result = Awaiter.Name + ".await_resume()";
  if (Last)
    return Result;
  // Another suspension follows in this full-expression: take the result
  // now, so that an exception surfaces here, in C++'s order.
  if (Marker->getType()->isVoidType()) {
    emit(Loc, Result + ";");
    return "void()";
  }
  return spill(Marker, Result, FE);
}

std::string FunctionLowering::lowerShortCircuit(const BinaryOperator *Op,
                                                FullExpr &FE) {
  bool IsAnd = Op->getOpcode() == BO_LAnd;
  std::string Left =
      beforeSuspension(FE, [&] { return lowerExpr(Op->getLHS(), FE); });
  unsigned Slot = addValueSlot("condition", Ctx.BoolTy,
                               std::string("result of ") +
                                   (IsAnd ? "&&" : "||") + " that awaits",
                               Op->getOperatorLoc());
  std::string Name = Model.Slots[Slot].Name;
  emit(Op->getOperatorLoc(),
       Name + " = " + contextuallyConverted(Op->getLHS(), Left, Ctx.BoolTy) +
           ";");
  // The right operand runs only when needed.
  openBlock(/*GuardsGoToParent=*/true);
  std::string RightText = lowerSkippable(Op->getRHS(), FE);
  emit(Op->getRHS()->getBeginLoc(),
       Name + " = " +
           contextuallyConverted(Op->getRHS(), RightText, Ctx.BoolTy) + ";");
  emit(Op->getOperatorLoc(),
       std::string("if (") + (IsAnd ? "" : "!") + Name + ") " + closeBlock());
  return Name;
}

std::string
FunctionLowering::lowerConditional(const AbstractConditionalOperator *Op,
                                   FullExpr &FE) {
  if (isa<BinaryConditionalOperator>(Op)) {
    fail(Op->getBeginLoc(), "AWAIT in a GNU '?:' without a middle operand is "
                            "not supported");
    return "";
  }
  std::string Cond =
      beforeSuspension(FE, [&] { return lowerExpr(Op->getCond(), FE); });
  QualType T = Op->getType();
  std::optional<unsigned> Slot;
  if (!T->isVoidType()) {
    Slot = Op->isPRValue()
               ? addValueSlot("choice", T, "result of ?: that awaits",
                              Op->getBeginLoc(), "", false, Op)
               : addPointerSlot("choice", T, "result of ?: that awaits", "",
                                false, Op);
  }
  auto Branch = [&](const Expr *E) {
    openBlock(/*GuardsGoToParent=*/true);
    std::string Value = lowerSkippable(E, FE);
    if (!Slot)
      emit(E->getBeginLoc(), Value + ";");
    else if (Op->isPRValue())
      emit(E->getBeginLoc(), constructFrom(*Slot, Value));
    else
      emit(E->getBeginLoc(),
           constructFrom(*Slot, "std::addressof(" + Value + ")"));
    if (Slot && !Model.Slots[*Slot].Guard.empty())
      emit(E->getBeginLoc(), Model.Slots[*Slot].Guard + ".arm();");
    return closeBlock();
  };
  std::string True = Branch(Op->getTrueExpr());
  std::string False = Branch(Op->getFalseExpr());
  emit(Op->getBeginLoc(), "if (" + Cond + ") " + True + " else " + False);
  if (!Slot)
    return "void()";
  Live.push_back(*Slot);
  FE.Temps.push_back(*Slot);
  return slotValue(*Slot, Op);
}

std::string FunctionLowering::lowerSkippable(const Expr *E, FullExpr &FE) {
  // The operand is lowered as statements of its own (in a block that
  // declares no guards), but its temporaries belong to the whole
  // full-expression: C++ destroys them at its end, if they were created.
  unsigned Markers = A.countMarkers(E);
  FE.MarkersLeft -= std::min(FE.MarkersLeft, Markers);
  FullExpr Operand;
  Operand.MarkersLeft = Markers;
  ++ConditionalArms;
  std::string Text =
      beforeSuspension(Operand, [&] { return lowerExpr(E, Operand); });
  --ConditionalArms;
  FE.Temps.insert(FE.Temps.end(), Operand.Temps.begin(), Operand.Temps.end());
  return Text;
}

bool FunctionLowering::maySkip(const Expr *E) const {
  const Stmt *Child = E;
  for (const Stmt *P = A.parent(E); P && isa<Expr>(P) && !isa<LambdaExpr>(P);
       Child = P, P = A.parent(P)) {
    if (const auto *Op = dyn_cast<AbstractConditionalOperator>(P))
      if (Child == Op->getFalseExpr() ||
          (isa<ConditionalOperator>(Op) && Child == Op->getTrueExpr()))
        return true;
    if (const auto *Op = dyn_cast<BinaryOperator>(P))
      if (Op->isLogicalOp() && Child == Op->getRHS())
        return true;
  }
  return false;
}

std::string
FunctionLowering::keepTemporary(const Expr *Temp,
                                llvm::function_ref<std::string()> Value) {
  // Constructed in the frame where it stands, destroyed when the
  // full-expression ends (after the suspension), as C++ says.
  const Expr *Of = Temp;
  if (const auto *Materialized = dyn_cast<MaterializeTemporaryExpr>(Temp))
    Of = Materialized->getSubExpr();
  if (!planKeptClosure(Of))
    return "";
  // The initializer first: temporaries within it are constructed before
  // this one, and the slots' guards are declared in the order of
  // construction, so that an exception destroys them in reverse.
  std::string Initializer = Value();
  unsigned Slot = addValueSlot(
      "temporary", Of->getType().getUnqualifiedType(),
      "a temporary that lives across a suspension", Temp->getBeginLoc(), "",
      false, Of);
  if (maySkip(Temp))
    makeConditional(Slot);
  std::string Make = "[&]() -> " + Model.Slots[Slot].Type + " { return " +
                     Initializer + "; }";
  const FrameSlot &Kept = Model.Slots[Slot];
  if (auto R = exprRange(Temp))
    KeptSlots[{R->Begin, R->End}] = Slot;
  KeepTemporariesIn->Temps.push_back(Slot);
  if (Kept.NeedsDestruction)
    Live.push_back(Slot);
  if (!Kept.Guard.empty())
    return Kept.Guard + ".keep(" + Make + ")";
  return "awaitc::detail::keep_temporary(" + Kept.Name + ", " + Make + ")";
}

void FunctionLowering::endFullExpr(FullExpr &FE) {
  for (auto It = FE.Temps.rbegin(); It != FE.Temps.rend(); ++It) {
    std::string Destroy = destroyNow(*It);
    if (!Destroy.empty())
      emitGlue(Destroy);
  }
  FE.Temps.clear();
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
    // The guard lives in the innermost block that may declare one.
    for (auto It = Blocks.rbegin(); It != Blocks.rend(); ++It)
      if (!It->GuardsGoToParent) {
        It->GuardedSlots.push_back(Index);
        break;
      }
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
    emitGlue(Slot.Guard + ".arm();");
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
  if (Condition.empty())
    emit(Loc, "return;");
  else
    emit(Loc, "if (" + Condition + ") return;");
  std::string Label = Names.fresh("resume_" + std::to_string(State));
  current().Dispatch.push_back({State, Label, true});
  emitGenerated(Label + ":;");
}

// --- Blocks
// -------------------------------------------------------------------

void FunctionLowering::openBlock(bool GuardsGoToParent) {
  Blocks.emplace_back();
  Blocks.back().GuardsGoToParent = GuardsGoToParent;
}

std::string FunctionLowering::closeBlock(std::string *OutsideEntry) {
  Block B = std::move(Blocks.back());
  Blocks.pop_back();
  // The block's locals go out of scope here.
  for (unsigned Index : B.GuardedSlots)
    Live.erase(std::remove(Live.begin(), Live.end(), Index), Live.end());
  bool Root = Blocks.empty();
  std::string Inner = indent() + "  ";
  std::string Head;
  std::string EntryLabel;
  if (!Root && !B.Dispatch.empty()) {
    EntryLabel =
        Names.fresh("enter_" + std::to_string(B.Dispatch.front().State));
    if (OutsideEntry)
      *OutsideEntry = EntryLabel;
    else
      Head += generatedMark() + Inner + EntryLabel + ":;\n";
  }
  // Guards of the slots this block owns; they are declared before any
  // label a jump could target, and armed for the slots alive on re-entry.
  std::vector<unsigned> Guards = B.GuardedSlots;
  for (unsigned Index : Guards) {
    const FrameSlot &Slot = Model.Slots[Index];
    if (!Slot.Flag.empty())
      Head += generatedMark() + Inner + "awaitc::detail::ConditionalGuard<" +
              Slot.Type + "> " + Slot.Guard + "(*this, " + Slot.Name + ", " +
              Slot.Flag + ");\n";
    else
      Head += generatedMark() + Inner + "awaitc::detail::LocalGuard<" +
              Slot.Type + "> " + Slot.Guard + "(*this, " + Slot.Name + ");\n";
  }
  if (!B.Dispatch.empty()) {
    auto Arms = [&](int State) {
      std::string Code;
      const std::vector<unsigned> &LiveThere = Model.States[State - 1].Live;
      // (A flagged slot's flag survives the suspension.)
      for (unsigned Index : Guards)
        if (Model.Slots[Index].Flag.empty() &&
            std::find(LiveThere.begin(), LiveThere.end(), Index) !=
                LiveThere.end())
          Code += " " + Model.Slots[Index].Guard + ".arm();";
      return Code;
    };
    // Resume labels of this block get a case each; the states of a nested
    // block are consecutive, so one range test enters it (keeping the
    // dispatch linear in the nesting depth).
    std::string Cases, Ranges;
    for (size_t I = 0; I < B.Dispatch.size();) {
      const DispatchEntry &First = B.Dispatch[I];
      std::string Arm = Arms(First.State);
      size_t J = I + 1;
      while (!First.Leaf && J < B.Dispatch.size() && !B.Dispatch[J].Leaf &&
             B.Dispatch[J].Target == First.Target &&
             B.Dispatch[J].State == B.Dispatch[J - 1].State + 1 &&
             Arms(B.Dispatch[J].State) == Arm)
        ++J;
      int Last = B.Dispatch[J - 1].State;
      if (J - I == 1) {
        Cases += generatedMark() + Inner + "case " +
                 std::to_string(First.State) + ":" + Arm +
                 (First.Leaf ? " " + ResumeAt + " = 0;" : "") + " goto " +
                 First.Target + ";\n";
      } else {
        Ranges += generatedMark() + Inner + "if (" + ResumeAt +
                  " >= " + std::to_string(First.State) + " && " + ResumeAt +
                  " <= " + std::to_string(Last) + ") {" + Arm + " goto " +
                  First.Target + "; }\n";
      }
      I = J;
    }
    if (!Cases.empty())
      Head += generatedMark() + Inner + "switch (" + ResumeAt + ") {\n" +
              Cases + generatedMark() + Inner + "}\n";
    Head += Ranges;
    if (B.StartsWithCase)
      Head += generatedMark() + Inner + "[[fallthrough]];\n";
  }
  if (!Root) {
    Block &Parent = Blocks.back();
    for (const DispatchEntry &Entry : B.Dispatch)
      Parent.Dispatch.push_back({Entry.State, EntryLabel, false});
  }
  if (Root)
    return Head + B.Text;
  return "{\n" + Head + B.Text + generatedMark() + indent() + "}";
}

void FunctionLowering::emitGlue(const std::string &Code) {
  if (Code.empty())
    return;
  if (GlueLine == 0)
    return emitGenerated(Code);
  // On the line of the statement it belongs to, when that line is the last
  // one emitted: one #line fewer, and it reads as part of the statement.
  std::string &Text = current().Text;
  size_t LastLine = Text.rfind('\n', Text.size() >= 2 ? Text.size() - 2 : 0);
  LastLine = LastLine == std::string::npos ? 0 : LastLine + 1;
  llvm::StringRef Line = llvm::StringRef(Text).substr(LastLine);
  if (!Text.empty() && Text.back() == '\n' &&
      startsWithLineMark(Line, GlueLine) && countLineMarks(Line) == 1) {
    Text.insert(Text.size() - 1, " " + Code);
    return;
  }
  Text += lineMark(GlueLine) + indent() + Code + "\n";
}

void FunctionLowering::emit(SourceLocation Loc, const std::string &Code) {
  if (Code.empty())
    return;
  GlueLine = Src.line(Src.offset(Loc));
  current().Text += placementAt(Loc) + Code + "\n";
}

void FunctionLowering::emitGenerated(const std::string &Code) {
  if (Code.empty())
    return;
  current().Text += generatedMark() + indent() + Code + "\n";
}

// --- Lambdas ----------------------------------------------------------------

QualType FunctionLowering::thisTypeIn(const Stmt *S) {
  if (!S)
    return QualType();
  if (const auto *This = dyn_cast<CXXThisExpr>(S))
    return This->getType();
  for (const Stmt *Child : S->children())
    if (QualType T = thisTypeIn(Child); !T.isNull())
      return T;
  return QualType();
}

void FunctionLowering::addCaptureParams(const LambdaExpr &L) {
  // Each call's frame copies the copy captures: the coroutine then never
  // refers to the closure, which may die before it finishes (the pitfall
  // of C++20 coroutine lambdas). Reference captures stay references.
  bool Mutable = !L.getCallOperator()->isConst();
  for (const LambdaCapture &Capture : L.captures()) {
    if (Capture.capturesThis())
      continue;
    const auto *VD = dyn_cast_or_null<VarDecl>(
        Capture.capturesVariable() ? Capture.getCapturedVar() : nullptr);
    if (!VD || Capture.isPackExpansion()) {
      // (A variable-length array's bound has no capture of its own to
      // point at: the lambda's introducer stands for it.)
      fail(VD ? Capture.getLocation() : L.getIntroducerRange().getBegin(),
           VD ? "an annotated lambda cannot capture the pack '" +
                    VD->getNameAsString() +
                    "' yet; pass the values as parameters"
              : std::string("an annotated lambda cannot capture a "
                            "variable-length array"));
      return;
    }
    QualType Object = VD->getType().getNonReferenceType();
    bool ByCopy = VD->isInitCapture() ? !VD->getType()->isReferenceType()
                                      : Capture.getCaptureKind() == LCK_ByCopy;
    FrameParam Param;
    Param.Name = Param.Argument = VD->getNameAsString();
    if (!ByCopy) {
      Param.Type = printType(Ctx.getLValueReferenceType(Object),
                             Capture.getLocation(), /*Written=*/true);
      Param.Init = Param.Name;
      Param.Comment = "captured by reference";
      Model.Params.push_back(Param);
      continue;
    }
    if (Object->isArrayType() || !isCopyable(Object)) {
      fail(Capture.getLocation(),
           "an annotated lambda copies '" + VD->getNameAsString() +
               "' into each call's state machine, but it cannot be copied; "
               "capture it by reference, or pass it as a parameter");
      return;
    }
    Param.Type = printType(Object.getUnqualifiedType(), Capture.getLocation(),
                           /*Written=*/true);
    QualType Member = Object;
    if (!Mutable)
      Member.addConst();
    Param.MemberType = printType(Member, Capture.getLocation(),
                                 /*Written=*/true);
    Param.Init =
        Object->isScalarType() ? Param.Name : "std::move(" + Param.Name + ")";
    Param.Comment = "copy of a capture";
    Model.Params.push_back(Param);
  }
}

void FunctionLowering::planFactories() {
  for (LambdaUses &Uses : findMovedLambdas(A))
    if (!planFactory(std::move(Uses)))
      return;
}

bool FunctionLowering::planFactory(LambdaUses Found) {
  const LambdaUses &Uses = MovedLambdas.emplace_back(std::move(Found));
  const LambdaExpr *L = Uses.Lambda;
  if (!Uses.Problem.empty()) {
    if (Failed)
      return false;
    const char *Why =
        Uses.Why == LambdaUses::Reason::LivesInFrame
            ? "this lambda's closure lives across a suspension"
        : Uses.Why == LambdaUses::Reason::InNamedType
            ? "in a template, the type of the expression holding this lambda "
              "is named with decltype, which cannot hold a lambda in C++17"
            : "this lambda copies a local that lives across a suspension, or "
              "names one in its captures";
    fail(Uses.ProblemLoc,
         std::string(Why) +
             ", so awaitc must move it out of the function body, where it "
             "could not " +
             Uses.Problem);
    note(L->getBeginLoc(), "the lambda is here");
    return false;
  }
  for (const VarDecl *Local : Uses.Locals)
    if (Local->isParameterPack()) {
      fail(L->getBeginLoc(),
           "awaitc must move this lambda out of the function body, where "
           "it could not use the parameter pack '" +
               Local->getNameAsString() +
               "'; pass the pack's values to the lambda as arguments");
      return false;
    }
  if (Uses.UsesThis &&
      annotationOf(*L->getCallOperator()) != CoroutineKind::None) {
    fail(L->getBeginLoc(), "an annotated lambda inside an annotated member "
                           "function cannot use 'this' yet; pass the object "
                           "as a parameter");
    return false;
  }
  // Named after the variable it initializes, if any.
  std::string Base = "lambda";
  for (const Stmt *P = A.parent(L); P; P = A.parent(P)) {
    if (const auto *DS = dyn_cast<DeclStmt>(P)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          if (VD->getInit() &&
              VD->getInit()->IgnoreImplicit()->IgnoreParens() == L)
            Base = VD->getNameAsString();
      break;
    }
    if (!isa<Expr>(P))
      break;
  }
  Factories[L] = Factory{Names.fresh("make_" + Base), &Uses};
  MovedClosures[L->getLambdaClass()] = L;
  return true;
}

std::optional<ByteRange>
FunctionLowering::movedLambdaRange(const LambdaExpr *L) {
  auto R = Src.range(L);
  if (!R)
    fail(L->getBeginLoc(), "awaitc cannot move this lambda out of the "
                           "function body: its text is not in this file (is "
                           "it inside a macro?)");
  return R;
}

std::string FunctionLowering::factoryArguments(const LambdaUses &Uses,
                                               bool AtClassScope) {
  std::string Args;
  for (const VarDecl *VD : Uses.Locals) {
    Args += Args.empty() ? "" : ", ";
    // A suspending handler's parameter is bound anew after each
    // resumption, not a member: an lvalue of its type stands in for it.
    bool Member = A.isHoisted(VD) || isa<ParmVarDecl>(VD) ||
                  VD->getDeclContext() != &Fn; // an annotated lambda's capture
    if (AtClassScope && !Member)
      Args += "std::declval<" +
              printType(VD->getType().getNonReferenceType(), VD->getLocation(),
                        /*Written=*/true) +
              "&>()";
    else
      Args += referenceTo(VD);
  }
  if (Uses.UsesThis)
    Args += (Args.empty() ? "" : ", ") + Model.SelfName;
  return Args;
}

std::string FunctionLowering::factoryDefinition(const Factory &F) {
  const LambdaUses &Uses = *F.Uses;
  std::string Params;
  bool ShadowsParameter = false;
  for (const VarDecl *VD : Uses.Locals) {
    Params += (Params.empty() ? "auto &" : ", auto &") + VD->getNameAsString();
    ShadowsParameter |= isa<ParmVarDecl>(VD);
  }
  if (Uses.UsesThis)
    Params += (Params.empty() ? "auto " : ", auto ") + Model.SelfName;
  auto R = movedLambdaRange(Uses.Lambda);
  if (!R)
    return "";
  std::string Lambda;
  if (auto Transformed = Nested.find(Uses.Lambda);
      Transformed != Nested.end()) {
    // An annotated lambda: its own transformation, which names the frame
    // locals it captures as the user did.
    Lambda = Transformed->second;
    while (!Lambda.empty() && Lambda.back() == '\n')
      Lambda.pop_back();
  } else {
    InFactory = true;
    std::vector<Edit> Edits;
    collectEdits(Uses.Lambda, Edits, true);
    Lambda = splice(*R, std::move(Edits));
    InFactory = false;
  }
  // A static: the frame class's members may use it (an automatic local
  // of the enclosing function they could not).
  std::string Definition = lineMark(Src.line(R->Begin)) +
                           "  static constexpr auto " + F.Name + " = [](" +
                           Params + ") { return " + Lambda + "; };\n";
  // The factory's parameters take the captured names, so that the lambda's
  // own text captures them; a captured parameter of the function is thereby
  // shadowed on purpose, which g++'s -Wshadow would report.
  if (ShadowsParameter)
    Definition = "#pragma GCC diagnostic push\n"
                 "#pragma GCC diagnostic ignored \"-Wshadow\"\n" +
                 Definition + "#pragma GCC diagnostic pop\n";
  return Definition;
}

void FunctionLowering::selfCaptureEdits(const LambdaExpr *L,
                                        std::vector<Edit> &Out) {
  if (Model.SelfName.empty())
    return;
  for (const LambdaCapture &Capture : L->captures()) {
    if (!Capture.capturesThis())
      continue;
    // (Where the user wrote it: in a marker's argument, too.)
    if (!Capture.isImplicit()) {
      if (auto This = Src.range(SourceRange(Capture.getLocation())))
        Out.push_back(Edit{*This, Model.SelfName});
      else
        fail(Capture.getLocation(), "awaitc cannot rewrite this capture of "
                                    "'this' inside a macro");
    } else if (L->getCaptureDefault() == LCD_ByRef) {
      // [&] would capture the factory's parameter by reference; C++
      // copies `this` even there.
      if (auto Default = Src.range(SourceRange(L->getCaptureDefaultLoc())))
        Out.push_back(
            Edit{{Default->End, Default->End}, ", " + Model.SelfName});
      else
        fail(L->getCaptureDefaultLoc(), "awaitc cannot rewrite this capture "
                                        "of 'this' inside a macro");
    }
  }
}

bool FunctionLowering::planKeptClosure(const Expr *Of) {
  const auto *L = dyn_cast<LambdaExpr>(Of->IgnoreImplicit()->IgnoreParens());
  if (!L || Factories.count(L))
    return true;
  // A closure temporary kept across a suspension (`[&] { ... }() &&
  // AWAIT(x)`): it moves too, so that its slot can name its type, and the
  // temporary is made by the factory, whose closure type that is.
  LambdaUses Uses = findLambdaUses(*L, A.function());
  Uses.Why = LambdaUses::Reason::LivesInFrame;
  return planFactory(std::move(Uses));
}

std::optional<std::string> FunctionLowering::closureSpelling(QualType T,
                                                             const Expr *Of) {
  const LambdaExpr *L = nullptr;
  if (Of) {
    L = dyn_cast<LambdaExpr>(Of->IgnoreImplicit()->IgnoreParens());
    if (!planKeptClosure(Of))
      return std::string("int");
  }
  if (!L || !Factories.count(L)) {
    L = nullptr;
    if (!T->isDependentType())
      if (const auto *Record = T.getNonReferenceType()->getAsCXXRecordDecl())
        L = MovedClosures.lookup(Record);
  }
  if (!L)
    return std::nullopt;
  const Factory &F = Factories.find(L)->second;
  // The frame class names the type as decltype(make_f(locals...)): valid
  // at class scope, since those locals are members (a closure lives across
  // a suspension only within the scope of everything the lambda uses).
  std::string Args = factoryArguments(*F.Uses, /*AtClassScope=*/true);
  return std::string(T.isConstQualified() ? "const " : "") + "decltype(" +
         F.Name + "(" + Args + "))";
}

/// Whether \p Temp is a closure that captures only by reference (`[&] {
/// ... }()`): nothing can observe where it lives or when it dies, so it
/// need not be kept in the frame across a suspension.
static bool holdsOnlyReferences(const MaterializeTemporaryExpr *Temp) {
  const CXXRecordDecl *Closure = Temp->getType()->getAsCXXRecordDecl();
  if (const auto *L = dyn_cast<LambdaExpr>(
          Temp->getSubExpr()->IgnoreImplicit()->IgnoreParens()))
    Closure = L->getLambdaClass(); // also in a template
  if (!Closure || !Closure->isLambda())
    return false;
  for (const LambdaCapture &Capture : Closure->captures())
    if (Capture.getCaptureKind() != LCK_ByRef &&
        Capture.getCaptureKind() != LCK_This)
      return false;
  return true;
}

// --- Text
// ----------------------------------------------------------------------

std::string FunctionLowering::rewrite(const Stmt *S) {
  if (!S)
    return "";
  std::optional<ByteRange> R;
  if (const auto *E = dyn_cast<Expr>(S))
    R = exprRange(E);
  else
    R = Src.range(S);
  if (!R) {
    fail(S->getBeginLoc(), "awaitc cannot copy this code: it is not "
                           "contiguous text in this file (inside a macro?)");
    return "";
  }
  return rewriteRange(*R, S);
}

std::string FunctionLowering::rewriteRange(ByteRange R, const Stmt *Root) {
  std::vector<Edit> Edits;
  if (Root) {
    if (auto Whole = editFor(Root, false))
      Edits.push_back(*Whole);
    else
      collectEdits(Root, Edits, false);
  }
  return splice(R, std::move(Edits));
}

void FunctionLowering::collectEdits(const Stmt *S, std::vector<Edit> &Out,
                                    bool InLambda) {
  // In step(), a lambda's implicit captures stand at its capture-default:
  // only its body is the user's text (lambdas that name frame locals in
  // their captures are moved into factories).
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
    std::vector<const Stmt *> UserText = {Lambda->getBody()};
    if (InFactory) {
      // Moved out of step(): the captures are edited too.
      selfCaptureEdits(Lambda, Out);
      for (const LambdaCapture &Capture : Lambda->captures())
        if (Capture.capturesVariable())
          if (const auto *VD = dyn_cast<VarDecl>(Capture.getCapturedVar()))
            if (VD->isInitCapture() && VD->getInit())
              UserText.push_back(VD->getInit());
    }
    for (const Stmt *Part : UserText) {
      if (auto E = editFor(Part, true))
        Out.push_back(*E);
      else
        collectEdits(Part, Out, true);
    }
    return;
  }
  for (const Stmt *Child : S->children()) {
    if (!Child)
      continue;
    bool ChildInLambda = InLambda || isa<LambdaExpr>(S);
    if (auto E = editFor(Child, ChildInLambda)) {
      Out.push_back(*E);
      continue;
    }
    collectEdits(Child, Out, ChildInLambda);
  }
}

std::optional<Edit> FunctionLowering::editFor(const Stmt *S, bool InLambda) {
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S))
    if (!InFactory)
      if (auto It = Factories.find(Lambda); It != Factories.end()) {
        auto R = movedLambdaRange(Lambda);
        if (!R)
          return std::nullopt;
        return Edit{*R, It->second.Name + "(" +
                            factoryArguments(*It->second.Uses) + ")"};
      }
  if (!Model.SelfName.empty()) {
    if (const auto *This = dyn_cast<CXXThisExpr>(S))
      if (!This->isImplicit())
        if (auto R = Src.range(This))
          return Edit{*R, Model.SelfName};
    // `member` / `helper()` in a member function: `self->member`.
    bool ImplicitMember = false;
    if (const auto *Member = dyn_cast<MemberExpr>(S))
      ImplicitMember = Member->isImplicitAccess();
    else if (const auto *Member = dyn_cast<CXXDependentScopeMemberExpr>(S))
      ImplicitMember = Member->isImplicitAccess();
    else if (const auto *Member = dyn_cast<UnresolvedMemberExpr>(S))
      ImplicitMember = Member->isImplicitAccess();
    if (ImplicitMember) {
      auto R = Src.range(S);
      if (!R) {
        fail(S->getBeginLoc(), "a member is used inside a macro here; "
                               "awaitc cannot make it refer to the object");
        return std::nullopt;
      }
      return Edit{*R, Model.SelfName + "->" + Src.text(*R).str()};
    }
  }
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(S))
    if (KeepTemporariesIn && !InLambda && !Temp->getExtendingDecl() &&
        !Temp->getType()->isArrayType() && !holdsOnlyReferences(Temp))
      if (auto R = exprRange(Temp))
        return Edit{*R, keepTemporary(Temp, [&] {
                      return rewrite(Temp->getSubExpr());
                    })};
  if (const auto *E = dyn_cast<Expr>(S))
    if (KeepTemporariesIn && !InLambda)
      if (auto R = exprRange(E)) {
        std::optional<bool> Kept = isInstantiatedTemporary(E);
        if (!Kept)
          return std::nullopt;
        if (*Kept)
          return Edit{*R, keepTemporary(E, [&] {
                        std::vector<Edit> Inner;
                        collectEdits(E, Inner, false);
                        return splice(*R, std::move(Inner));
                      })};
      }
  if (NamingType && Pack) {
    // In the frame's member declarations the pack is a tuple; its
    // elements are lvalues of the parameter's declared types.
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      if (Ref->getDecl() == Pack)
        if (auto R = Src.range(Ref))
          return Edit{*R, "std::declval<" + PackElement + " &>()"};
    if (const auto *Size = dyn_cast<SizeOfPackExpr>(S))
      if (Size->getPack() == Pack)
        if (auto R = Src.range(Size))
          return Edit{*R, "std::tuple_size<std::tuple<" + PackElement +
                              "...>>::value"};
  }
  if (InFactory)
    return std::nullopt; // the user's names are the factory's parameters
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (const auto *B = dyn_cast<BindingDecl>(Ref->getDecl()))
      if (auto Text = bindingText(B)) {
        auto R = Src.range(Ref);
        if (!R) {
          fail(Ref->getLocation(), "this structured binding lives across a "
                                   "suspension and is used inside a macro "
                                   "here; awaitc cannot rewrite it");
          return std::nullopt;
        }
        return Edit{*R, *Text};
      }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
    const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
    if (!VD || !A.isHoisted(VD))
      return std::nullopt;
    std::string Text = referenceTo(VD);
    if (Text == VD->getName())
      return std::nullopt;
    auto R = Src.range(Ref);
    if (!R) {
      fail(Ref->getLocation(), "'" + VD->getNameAsString() +
                                   "' lives across a suspension and is used "
                                   "inside a macro here; awaitc cannot "
                                   "rewrite the macro's use of it");
      return std::nullopt;
    }
    return Edit{*R, Text};
  }
  if (InLambda)
    return std::nullopt;
  if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
    auto R = statementRange(Return);
    if (!R) {
      fail(Return->getBeginLoc(), "awaitc cannot rewrite this return");
      return std::nullopt;
    }
    const Expr *V = A.userReturnValue(Return);
    return Edit{*R, returnText(Return, V ? rewrite(V) : "")};
  }
  if (const auto *Goto = dyn_cast<GotoStmt>(S)) {
    std::string Destroy = destroyBeforeGoto(Goto);
    auto R = statementRange(Goto);
    if (Destroy.empty() || !R)
      return std::nullopt;
    return Edit{*R, "{ " + Destroy + Src.text(*R).str() + " }"};
  }
  if (const auto *Continue = dyn_cast<ContinueStmt>(S)) {
    auto It = ContinueLabels.find(continueTarget(Continue));
    if (It == ContinueLabels.end())
      return std::nullopt;
    auto R = Src.range(Continue);
    if (!R)
      return std::nullopt;
    return Edit{*R, "goto " + It->second};
  }
  return std::nullopt;
}

bool FunctionLowering::hasContinue(const Stmt *Body, const Stmt *Loop) const {
  if (!Body)
    return false;
  if (const auto *C = dyn_cast<ContinueStmt>(Body))
    return continueTarget(C) == Loop;
  for (const Stmt *Child : Body->children())
    if (hasContinue(Child, Loop))
      return true;
  return false;
}

const Stmt *FunctionLowering::continueTarget(const ContinueStmt *C) const {
  for (const Stmt *P = A.parent(C); P; P = A.parent(P))
    if (isa<WhileStmt, DoStmt, ForStmt, CXXForRangeStmt>(P))
      return P;
  return nullptr;
}

namespace {
class DecltypeFinder : public RecursiveASTVisitor<DecltypeFinder> {
public:
  explicit DecltypeFinder(
      const SourceText &Src,
      std::vector<std::pair<ByteRange, const Expr *>> &Found)
      : Src(Src), Found(Found) {}
  bool shouldVisitTemplateInstantiations() const { return false; }
  bool VisitDecltypeTypeLoc(DecltypeTypeLoc TL) {
    if (auto R = Src.range(TL.getSourceRange()))
      Found.push_back({*R, TL.getUnderlyingExpr()});
    return true;
  }

private:
  const SourceText &Src;
  std::vector<std::pair<ByteRange, const Expr *>> &Found;
};
} // namespace

/// The temporaries of \p S (not in lambdas) that no reference extends,
/// except those that bind a marker's operand (the lowering builds the
/// awaiter or the yielded value from the operand itself).
static void
collectMaterialized(const Stmt *S,
                    SmallVectorImpl<const MaterializeTemporaryExpr *> &Out,
                    bool MarkerOperand = false) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(S))
    if (!Temp->getExtendingDecl() && !MarkerOperand)
      Out.push_back(Temp);
  const auto *Call = dyn_cast<CallExpr>(S);
  bool Marker = Call && asMarker(Call);
  for (const Stmt *Child : S->children())
    collectMaterialized(Child, Out,
                        (Marker && Child == Call->getArg(0)) ||
                            (MarkerOperand && isa<ImplicitCastExpr>(S)));
}

std::optional<bool> FunctionLowering::isInstantiatedTemporary(const Expr *E) {
  // What the template shows no temporary for: a dependent expression; a
  // value-dependent one (`std::vector<int>{x}`); one that depends on
  // nothing but is passed to something that does (`Log() << x`'s Log()).
  // Of the nodes that share a range (an implicit node and what it wraps,
  // `T(x)`'s cast and construction), the outermost explicit one is kept.
  if (Instantiations == 0 ||
      isa<CXXBindTemporaryExpr, ImplicitCastExpr, ExprWithCleanups>(E))
    return false;
  auto R = exprRange(E);
  if (!R || KeptInstantiated.count({R->Begin, R->End}) ||
      (!E->isInstantiationDependent() &&
       PatternTemporaries.count({R->Begin, R->End})))
    return false;
  auto It = InstantiatedTemporaries.find({R->Begin, R->End});
  if (It == InstantiatedTemporaries.end())
    return false;
  if (!E->isPRValue() || It->second.Converts ||
      It->second.Count != Instantiations) {
    fail(E->getBeginLoc(), "awaitc cannot keep this temporary alive across "
                           "the suspension: the instantiations of this "
                           "template create different temporaries here; "
                           "store the value in a variable first");
    return std::nullopt;
  }
  KeptInstantiated.insert({R->Begin, R->End});
  return true;
}

void FunctionLowering::findInstantiatedTemporaries() {
  SmallVector<const MaterializeTemporaryExpr *, 16> Shown;
  collectMaterialized(Fn.getBody(), Shown);
  for (const MaterializeTemporaryExpr *Temp : Shown)
    if (auto R = Src.range(Temp))
      PatternTemporaries.insert({R->Begin, R->End});
  for (const FunctionDecl *Instance : instantiationsOf(Fn)) {
    if (!Instance->getBody())
      continue;
    ++Instantiations;
    SmallVector<const MaterializeTemporaryExpr *, 16> Temps;
    collectMaterialized(Instance->getBody(), Temps);
    std::set<std::pair<unsigned, unsigned>> Seen;
    for (const MaterializeTemporaryExpr *Temp : Temps) {
      // (An initializer_list's array, as outside templates, is used up by
      // the constructor that takes the list: the frame need not keep it.)
      if (Temp->getType()->isArrayType())
        continue;
      auto R = Src.range(Temp);
      if (!R || !Seen.insert({R->Begin, R->End}).second)
        continue;
      InstantiatedTemporary &Each = InstantiatedTemporaries[{R->Begin, R->End}];
      ++Each.Count;
      const Expr *Value = Temp->getSubExpr()->IgnoreParens();
      if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(Value))
        Value = Bind->getSubExpr()->IgnoreParens();
      if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Value))
        if (Cast->getCastKind() != CK_NoOp)
          Each.Converts = true;
      if (isa<CXXConstructExpr>(Value) && !isa<CXXTemporaryObjectExpr>(Value))
        Each.Converts = true;
    }
  }
}

void FunctionLowering::findDecltypes() {
  DecltypeFinder(Src, Decltypes).TraverseStmt(Fn.getBody());
}

std::optional<std::string>
FunctionLowering::decltypeText(ByteRange R, const Expr *E) {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    // decltype of a name is the type it was declared with.
    QualType Declared;
    SourceLocation Loc = Ref->getLocation();
    if (const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
        VD && A.isHoisted(VD)) {
      Declared = VD->getType();
      if (Declared->isDependentType() && Declared->getContainedAutoType()) {
        // Deduced only in instantiations: from the initializer, as the
        // frame's member is.
        auto Implicit = ImplicitInits.find(VD);
        std::string Init = Implicit != ImplicitInits.end()
                               ? Implicit->second
                               : plainText(VD->getInit());
        auto Deduced = deducedTypeText(Declared, Init, /*Pointee=*/false);
        if (!Deduced || Failed)
          return std::nullopt;
        return "awaitc::detail::identity_t<" + *Deduced + ">";
      }
    }
    if (const auto *B = dyn_cast<BindingDecl>(Ref->getDecl()))
      if (const auto *Bound =
              dyn_cast_or_null<DecompositionDecl>(B->getDecomposedDecl());
          Bound && A.isHoisted(Bound)) {
        if (Bound->getType()->isDependentType())
          return bindingTypeText(B, *Bound);
        Declared = B->getType();
      }
    if (Declared.isNull())
      return std::nullopt;
    std::string Type =
        isa<VarDecl>(Ref->getDecl()) && Declared->isDependentType()
            ? declaredTypeText(cast<VarDecl>(Ref->getDecl()))
            : printType(Declared, Loc);
    if (Failed)
      return std::nullopt;
    return "awaitc::detail::identity_t<" + Type + ">";
  }
  if (InFactory)
    return std::nullopt; // the user's names are the factory's parameters
  auto Operand = exprRange(E);
  if (!Operand || !R.contains(*Operand))
    return std::nullopt;
  FullExpr *Saved = KeepTemporariesIn;
  KeepTemporariesIn = nullptr; // unevaluated
  std::vector<Edit> Edits;
  if (auto Whole = editFor(E, false))
    Edits.push_back(*Whole);
  else
    collectEdits(E, Edits, false);
  KeepTemporariesIn = Saved;
  if (Edits.empty())
    return std::nullopt;
  return Src.text({R.Begin, Operand->Begin}).str() +
         splice(*Operand, std::move(Edits)) +
         Src.text({Operand->End, R.End}).str();
}

std::string FunctionLowering::splice(ByteRange Outer, std::vector<Edit> Edits) {
  // decltype specifiers that no edit covers get theirs.
  std::vector<Edit> TypeEdits;
  for (const auto &[R, E] : Decltypes) {
    auto Overlaps = [&, &R = R](const Edit &Other) {
      return Other.Range.overlaps(R);
    };
    // (An enclosing decltype comes first, and covers the ones inside.)
    if (!Outer.contains(R) ||
        std::any_of(Edits.begin(), Edits.end(), Overlaps) ||
        std::any_of(TypeEdits.begin(), TypeEdits.end(), Overlaps))
      continue;
    if (auto Text = decltypeText(R, E))
      TypeEdits.push_back({R, *Text});
  }
  Edits.insert(Edits.end(), TypeEdits.begin(), TypeEdits.end());
  std::sort(Edits.begin(), Edits.end(), [](const Edit &L, const Edit &R) {
    return L.Range.Begin < R.Range.Begin;
  });
  std::string Out;
  unsigned Pos = Outer.Begin;
  for (const Edit &E : Edits) {
    if (E.Range.Begin < Pos || E.Range.End > Outer.End) {
      fail(Src.location(E.Range.Begin),
           "awaitc cannot rewrite overlapping code here");
      return Out;
    }
    Pos = E.Range.End;
  }
  // Text in a macro argument is edited where the user wrote it, and the
  // macro expands the edited text: right only if the macro uses it once,
  // as tokens (not `#x`, `x ## y`).
  for (const Edit &E : Edits)
    if (auto Macro = Src.opaqueMacroAt(E.Range)) {
      fail(Src.location(E.Range.Begin),
           "awaitc cannot rewrite this code in an argument of the macro '" +
               Macro->str() +
               "': the macro stringizes, pastes or repeats that argument");
      return Out;
    }
  // Each piece of the user's text keeps its column where it can.
  auto Hint = [&](unsigned Offset) {
    return columnHint(Src.line(Offset), Src.column(Offset),
                      !Src.insideMacroInvocation(Offset));
  };
  // (Before the user's text, not before an edit's: generated text has no
  // column of its own.)
  auto Copy = [&](unsigned From, unsigned To) {
    if (From < To)
      Out += Hint(From) + Src.text({From, To}).str();
  };
  Pos = Outer.Begin;
  for (const Edit &E : Edits) {
    Copy(Pos, E.Range.Begin);
    Out += E.Text;
    Pos = E.Range.End;
    if (E.Text.find('\n') != std::string::npos || countLineMarks(E.Text))
      Out += lineMark(Src.line(Pos));
  }
  Copy(Pos, Outer.End);
  return Out;
}

std::optional<ByteRange> FunctionLowering::exprRange(const Expr *E) const {
  if (const CallExpr *Marker = asMarker(E->IgnoreImplicit()))
    return Src.markerRange(Marker);
  return Src.range(E);
}

/// Whether the text of \p S as a statement ends with a ';' that its source
/// range leaves out.
static bool endsWithSemicolon(const Stmt *S) {
  if (isa<Expr, ReturnStmt, BreakStmt, ContinueStmt, GotoStmt, DoStmt,
          IndirectGotoStmt>(S))
    return true;
  if (const auto *If = dyn_cast<IfStmt>(S))
    return endsWithSemicolon(If->getElse() ? If->getElse() : If->getThen());
  if (const auto *While = dyn_cast<WhileStmt>(S))
    return endsWithSemicolon(While->getBody());
  if (const auto *For = dyn_cast<ForStmt>(S))
    return endsWithSemicolon(For->getBody());
  if (const auto *For = dyn_cast<CXXForRangeStmt>(S))
    return endsWithSemicolon(For->getBody());
  if (const auto *Switch = dyn_cast<SwitchStmt>(S))
    return endsWithSemicolon(Switch->getBody());
  if (const auto *Label = dyn_cast<LabelStmt>(S))
    return endsWithSemicolon(Label->getSubStmt());
  if (const auto *Case = dyn_cast<SwitchCase>(S))
    return endsWithSemicolon(Case->getSubStmt());
  if (const auto *Attributed = dyn_cast<AttributedStmt>(S))
    return endsWithSemicolon(Attributed->getSubStmt());
  return false;
}

std::optional<ByteRange> FunctionLowering::statementRange(const Stmt *S) const {
  auto R = Src.range(S);
  if (!R || !endsWithSemicolon(S))
    return R;
  // Skip white space and comments to the ';'.
  llvm::StringRef Buffer = Src.buffer();
  Lexer Lex(Src.location(0), Src.langOptions(), Buffer.data(),
            Buffer.data() + R->End, Buffer.data() + Buffer.size());
  Token Next;
  Lex.LexFromRawLexer(Next);
  if (Next.is(tok::semi))
    R->End = Src.offset(Next.getLocation()) + 1;
  return R;
}

/// Which of its declaration's bindings \p B is, from 0.
static unsigned bindingIndex(const BindingDecl *B,
                             const DecompositionDecl &Bound) {
  unsigned Index = 0;
  for (const BindingDecl *Other : Bound.bindings()) {
    if (Other == B)
      break;
    ++Index;
  }
  return Index;
}

std::string
FunctionLowering::bindingTypeText(const BindingDecl *B,
                                  const DecompositionDecl &Bound) const {
  return "awaitc::detail::structured_binding_t<" +
         std::to_string(bindingIndex(B, Bound)) + ", " +
         std::to_string(Bound.bindings().size()) +
         ", std::remove_reference_t<decltype(" + referenceTo(&Bound) + ")>>";
}

std::optional<std::string>
FunctionLowering::bindingText(const BindingDecl *B) const {
  const auto *Bound =
      dyn_cast_or_null<DecompositionDecl>(B->getDecomposedDecl());
  if (!Bound || !A.isHoisted(Bound))
    return std::nullopt;
  std::string Object = referenceTo(Bound);
  unsigned Index = bindingIndex(B, *Bound);
  const Expr *Binding = B->getBinding();
  if (!Binding || Bound->getType()->isDependentType())
    // In a template: which form of binding applies is known only once the
    // bound type is; the runtime applies C++'s rules then.
    return "awaitc::detail::structured_binding<" + std::to_string(Index) +
           ", " + std::to_string(Bound->bindings().size()) + ">(" + Object +
           ")";
  Binding = Binding->IgnoreImplicit();
  if (const auto *Member = dyn_cast<MemberExpr>(Binding))
    return Object + "." + Member->getMemberDecl()->getNameAsString();
  if (isa<ArraySubscriptExpr>(Binding))
    return Object + "[" + std::to_string(Index) + "]";
  // A tuple-like type: the binding names a variable initialized with
  // get<i>(e) or e.get<i>(), called again where it is used.
  const VarDecl *Holding = B->getHoldingVar();
  if (!Holding || !Holding->getInit())
    return std::nullopt;
  const Expr *Get = Holding->getInit()->IgnoreImplicit();
  std::string I = std::to_string(Index);
  if (isa<CXXMemberCallExpr>(Get))
    return "(" + Object + ".template get<" + I + ">())";
  if (const auto *Call = dyn_cast<CallExpr>(Get))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      return "(" + Callee->getQualifiedNameAsString() + "<" + I + ">(" +
             Object + "))";
  return std::nullopt;
}

std::string FunctionLowering::declaredTypeText(const VarDecl *VD) {
  QualType T = VD->getType();
  if (T->isDependentType() && !T->getContainedAutoType())
    if (const TypeSourceInfo *Info = VD->getTypeSourceInfo())
      if (auto Written = Src.range(Info->getTypeLoc().getSourceRange());
          Written && llvm::any_of(Decltypes, [&](const auto &Each) {
            return Written->contains(Each.first);
          }))
        return writtenTypeText(Info->getTypeLoc());
  return printType(T, VD->getLocation(), isWrittenType(VD), VD->getInit());
}

std::string FunctionLowering::writtenTypeText(TypeLoc TL) {
  // Declarators are spelled anew around their parts: a TypeLoc's source
  // range leaves out the qualifiers written before it (`const T *`).
  if (auto Qualified = TL.getAs<QualifiedTypeLoc>())
    return cvPrefix(TL.getType()) +
           writtenTypeText(Qualified.getUnqualifiedLoc());
  if (auto Pointer = TL.getAs<PointerTypeLoc>())
    return writtenTypeText(Pointer.getPointeeLoc()) + " *";
  if (auto Reference = TL.getAs<LValueReferenceTypeLoc>())
    return writtenTypeText(Reference.getPointeeLoc()) + " &";
  if (auto Reference = TL.getAs<RValueReferenceTypeLoc>())
    return writtenTypeText(Reference.getPointeeLoc()) + " &&";
  if (auto Array = TL.getAs<ArrayTypeLoc>())
    if (const Expr *Size = Array.getSizeExpr())
      if (auto Length = Src.range(Size->getSourceRange()))
        return writtenTypeText(Array.getElementLoc()) + " [" +
               Src.text(*Length).str() + "]";
  auto Written = Src.range(TL.getSourceRange());
  if (!Written || TL.getAs<ArrayTypeLoc>() || TL.getAs<ParenTypeLoc>() ||
      TL.getAs<FunctionTypeLoc>()) {
    fail(TL.getBeginLoc(), "awaitc cannot spell this type in the frame; "
                           "name it with a type alias first");
    return "int";
  }
  return withoutColumnHints(splice(*Written, {}));
}

std::string FunctionLowering::referenceTo(const VarDecl *VD) const {
  auto It = SlotOf.find(VD);
  std::string Name =
      A.isHoisted(VD) ? std::string(A.memberName(VD)) : VD->getNameAsString();
  if (It != SlotOf.end() &&
      Model.Slots[It->second].Kind == FrameSlot::Storage::Pointer)
    return "(*" + Name + ")";
  if (A.isHoisted(VD) && VD->getType()->isReferenceType())
    return "(*" + Name + ")";
  return Name;
}

const LambdaExpr *FunctionLowering::lambdaWithoutFactory(const Stmt *S) const {
  if (!S)
    return nullptr;
  if (const auto *L = dyn_cast<LambdaExpr>(S))
    return Factories.count(L) ? nullptr : L;
  for (const Stmt *Child : S->children())
    if (const LambdaExpr *L = lambdaWithoutFactory(Child))
      return L;
  return nullptr;
}

std::string FunctionLowering::plainText(const Expr *E) {
  if (lambdaWithoutFactory(E)) {
    fail(E->getBeginLoc(), "in a template, awaitc names this type with "
                           "decltype, which cannot hold a lambda in C++17; "
                           "store the lambda in a variable first");
    return "0";
  }
  FullExpr *Saved = KeepTemporariesIn;
  KeepTemporariesIn = nullptr;
  bool SavedNaming = NamingType;
  NamingType = true;
  std::string Text = withoutColumnHints(rewrite(E));
  NamingType = SavedNaming;
  KeepTemporariesIn = Saved;
  return Text;
}

std::string FunctionLowering::printType(QualType T, SourceLocation Loc,
                                        bool Written, const Expr *Of,
                                        bool Pointee) {
  if (auto Closure = closureSpelling(T, Of))
    return *Closure;
  PrintingPolicy Policy(Ctx.getLangOpts());
  Policy.SuppressUnwrittenScope = true;
  Policy.SuppressTagKeyword = true;
  if (T->isDependentType() || T->isUndeducedType()) {
    // In a template: the type as written if it is (T, std::vector<T>...),
    // else the decltype of an expression of that type.
    if (!T->getContainedDeducedType()) {
      std::string Text = TypeName::getFullyQualifiedName(T, Ctx, Policy, false);
      // Clang's spellings of what has no name in the source (a user's
      // type may well be called dependent_box).
      if (Text.find("type-parameter-") == std::string::npos &&
          Text.find("<dependent type>") == std::string::npos)
        return Text;
    }
    std::string Source = Of ? plainText(Of) : ImplicitSpelling;
    std::optional<std::string> Spelled;
    if (!Source.empty() && T->getContainedAutoType()) {
      Spelled = deducedTypeText(T, Source, Pointee);
    } else if (!Source.empty()) {
      std::string Type = "decltype((" + Source + "))";
      Spelled = cvPrefix(T) + (Pointee ? "std::remove_reference_t<" + Type + ">"
                                       : "std::decay_t<" + Type + ">");
    }
    if (Spelled)
      return *Spelled;
    fail(Loc, "awaitc cannot name the type '" + T.getAsString() +
                  "' in this template");
    return "int";
  }
  std::string Text;
  if (Written) {
    Text = TypeName::getFullyQualifiedName(T, Ctx, Policy,
                                           /*WithGlobalNsPrefix=*/false);
  } else {
    // Every name in a canonical type, template arguments included, fully
    // qualified.
    PrintingPolicy Canonical = Policy;
    Canonical.FullyQualifiedName = true;
    Canonical.PrintCanonicalTypes = true;
    Text = T.getCanonicalType().getAsString(Canonical);
  }
  if (Text.find("<overloaded function type>") != std::string::npos ||
      Text.find("<bound member function type>") != std::string::npos ||
      Text.find("<dependent type>") != std::string::npos) {
    fail(Loc, "awaitc cannot name the type of this expression; store it in "
              "a variable first");
    return "int";
  }
  const Type *Base = T->getBaseElementTypeUnsafe();
  if (const auto *Pointee = Base->getPointeeType().getTypePtrOrNull())
    Base = Pointee;
  const CXXRecordDecl *Record = Base->getAsCXXRecordDecl();
  bool Unnamed = Text.find("(lambda") != std::string::npos ||
                 Text.find("(unnamed") != std::string::npos ||
                 Text.find("(anonymous") != std::string::npos;
  bool Local = Record && Record->getParentFunctionOrMethod() != nullptr;
  if (Unnamed || Local)
    fail(Loc, "the type '" + T.getCanonicalType().getAsString(Policy) +
                  "' cannot be named outside the function, so a value of it "
                  "cannot live across a suspension yet");
  return Text;
}

std::optional<ByteRange>
FunctionLowering::parenthesizedInit(const VarDecl *VD) {
  SourceLocation Start = afterName(VD, Src.sourceManager(), Src.langOptions());
  if (Start.isMacroID())
    return std::nullopt;
  unsigned Begin = Src.offset(Start);
  llvm::StringRef Buffer = Src.buffer();
  Lexer Lex(Src.location(0), Src.langOptions(), Buffer.data(),
            Buffer.data() + Begin, Buffer.data() + Buffer.size());
  Token Tok;
  int Depth = 0;
  bool Opened = false;
  while (!Lex.LexFromRawLexer(Tok)) {
    if (Tok.isOneOf(tok::l_paren, tok::l_brace, tok::l_square)) {
      if (!Opened)
        Begin = Src.offset(Tok.getLocation());
      Opened = true;
      ++Depth;
    } else if (Tok.isOneOf(tok::r_paren, tok::r_brace, tok::r_square)) {
      if (--Depth == 0)
        return ByteRange{Begin, Src.offset(Tok.getLocation()) + 1};
    } else if (!Opened) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::string FunctionLowering::declaratorText(const DeclStmt *DS,
                                             const VarDecl *VD,
                                             FullExpr *Lowered) {
  // Copied with the usual edits, or with its initializer lowered.
  auto Text = [&](ByteRange R) {
    return Lowered ? lowerExprInto(VD->getInit(), R, *Lowered)
                   : rewriteRange(R, VD->getInit());
  };
  // `int a = 1, *b = &a;` -> "int *b = &a" for the second declarator.
  const auto *First = cast<VarDecl>(*DS->decl_begin());
  auto Specifiers =
      Src.range(SourceRange(DS->getBeginLoc(), First->getTypeSpecEndLoc()));
  auto Own = Src.range(SourceRange(VD->getLocation(), VD->getEndLoc()));
  // `int v(f())`: the initializer expression ends before the `)`.
  auto WithParentheses = [&](std::optional<ByteRange> R) {
    if (R && VD->getInit() && VD->getInitStyle() == VarDecl::CallInit)
      if (auto Written = parenthesizedInit(VD))
        R->End = std::max(R->End, Written->End);
    return R;
  };
  Own = WithParentheses(Own);
  if (First == VD || !Specifiers || !Own) {
    auto R = WithParentheses(
        Src.range(SourceRange(DS->getBeginLoc(), VD->getEndLoc())));
    if (!R) {
      fail(VD->getLocation(), "awaitc cannot copy this declaration");
      return "";
    }
    return Text(*R);
  }
  // The declarator starts after the comma that precedes it.
  unsigned Start = Own->Begin;
  llvm::StringRef Buffer = Src.buffer();
  while (Start > 0 && Buffer[Start - 1] != ',')
    --Start;
  return Src.text(*Specifiers).str() + " " + Text({Start, Own->End});
}

} // namespace

std::optional<FrameModel> lowerFunction(BodyAnalysis &Analysis,
                                        const SourceText &Source,
                                        ASTContext &Ctx, Diagnoser &Diag,
                                        llvm::StringRef ClassName,
                                        const TransformedLambdas &Nested) {
  return FunctionLowering(Analysis, Source, Ctx, Diag, ClassName, Nested)
      .run();
}

} // namespace awaitc
