//===- FunctionLowering.h - The lowering of one body, in parts ------------===//
//
// FunctionLowering builds the FrameModel of one annotated function (see
// Lowering.h for the scheme). Its parts are defined in lower/*.cpp, one
// concern each: Lowering.cpp (the whole function, slots, states),
// LowerStatements, LowerExits, LowerDeclarations, LowerExpressions,
// Spilling, LowerLambdas, SourceEdits and DeclaredTypes; the tree of
// step()'s body grows in a StepWriter. Private to lower/.
//
//===----------------------------------------------------------------------===//
#ifndef AWAITC_TOOL_FUNCTIONLOWERING_H
#define AWAITC_TOOL_FUNCTIONLOWERING_H

#include "lower/Lowering.h"
#include "lower/StepWriter.h"

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

namespace awaitc {

using namespace clang;

// Questions more than one part asks.

/// Where the written initializer of \p VD starts: just after its
/// declarator (`v` of `int v(1)`, `(*p)` of `int (*p)(f)`, `[a, b]` of
/// `auto [a, b](s)`).
SourceLocation afterName(const VarDecl *VD, const SourceManager &SM,
                         const LangOptions &LO);
/// The outermost expression in \p S spelled exactly as \p Range, not
/// counting implicit nodes.
const Expr *findSpelledAs(const Stmt *S, SourceRange Range);
/// Whether \p Temp is a closure that captures only by reference (`[&] {
/// ... }()`): nothing can observe where it lives or when it dies, so it
/// need not be kept in the frame across a suspension.
bool holdsOnlyReferences(const MaterializeTemporaryExpr *Temp);

inline bool needsDestruction(QualType T) {
  return T->isDependentType() || T.isDestructedType() != QualType::DK_none;
}

/// In what order C++ evaluates the operands of an expression, as far as a
/// suspension among them is concerned.
enum class Sequencing {
  Unsequenced, // any order: no operand needs to be evaluated early
  LeftToRight, // each operand before the next (<<, [], {...}, ...)
  RightToLeft, // the right operand first (=, +=, ...)
  CalleeFirst, // the function (and object) before the arguments
};

/// How a reference's initializer reaches the temporary it extends
/// (LowerDeclarations.cpp).
struct ExtensionPath;

class FunctionLowering {
public:
  FunctionLowering(BodyAnalysis &A, const SourceText &Src, ASTContext &Ctx,
                   Diagnoser &Diag, llvm::StringRef ClassName,
                   llvm::StringRef DefinitionHead,
                   const TransformedLambdas &Nested)
      : A(A), Src(Src), Ctx(Ctx), Diag(Diag), Names(A.names()),
        Fn(*A.function().Function), ClassName(ClassName),
        DefinitionHead(DefinitionHead), Nested(Nested), Step(Src, Names) {}

  std::optional<FrameModel> run();

private:
  /// The frame's kind, names, base class and return type.
  void describeFrame();
  /// The frame's constructor parameters: the object, captures, parameters.
  void addFrameParams();
  /// The body of step().
  void lowerStepBody();

  /// The temporaries of one full-expression, destroyed at its end.
  struct FullExpr {
    unsigned MarkersLeft = 0;
    std::vector<unsigned> Temps;
  };

  // Statements.
  void lowerStmt(const Stmt *S);
  void lowerChildren(const CompoundStmt *CS);
  StepCode lowerAsBlock(const Stmt *S);
  void lowerDeclStmt(const DeclStmt *DS);
  void lowerVarDecl(const VarDecl *VD, const DeclStmt *DS,
                    const std::string *ImplicitInit = nullptr);
  /// Whether every name of a structured binding kept in the frame can be
  /// spelled there (diagnosed if not).
  bool checkHoistedBindings(const VarDecl *VD);
  /// A local that stays a local of step(): declared where the user did.
  void lowerStepLocal(const VarDecl *VD, const DeclStmt *DS,
                      const std::string *ImplicitInit);
  /// The comment of a hoisted local's slot.
  std::string slotComment(const VarDecl *VD);
  /// The declared type of \p VD when only the instantiation decides whether
  /// it is a reference (`decltype(auto) v = e;` with a dependent e;
  /// `T v = e;` with T = int & in an instantiation): the frame then holds a
  /// ReferenceBinding of that type, and the local is a pointer into it.
  std::optional<std::string>
  typeDecidedByInstantiation(const VarDecl *VD,
                             const std::string *ImplicitInit);
  /// A hoisted reference: a pointer slot, and the temporary it extends.
  void lowerHoistedReference(const VarDecl *VD, const std::string *ImplicitInit,
                             const std::optional<std::string> &Decided);
  /// A hoisted object: a slot constructed as its declaration initializes it.
  void lowerHoistedObject(const VarDecl *VD, const std::string *ImplicitInit);
  /// The constructor arguments of \p Slot, as \p VD's initializer (copy-,
  /// direct- or list-) initializes it; nothing after an error.
  std::optional<std::string> initializerText(const VarDecl *VD, unsigned Slot,
                                             FullExpr &FE);
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
  /// bindExtended() of an initializer that extends no temporary it shows:
  /// in a template, perhaps one its instantiations show.
  std::optional<std::string>
  bindUnextended(const Expr *Init, const ValueDecl *Extender,
                 const std::string &HolderBase, const std::string &HolderExact,
                 const std::string &Comment, FullExpr &FE,
                 const std::string *ImplicitValue);
  /// Builds \p Temp, which \p Path shows may be extended, in its slot;
  /// returns the reference's address as bindExtended() does.
  std::optional<std::string>
  buildExtended(const MaterializeTemporaryExpr *Temp, const ExtensionPath &Path,
                const std::string &HolderBase, const std::string &HolderExact,
                const std::string &Comment, FullExpr &FE,
                const std::string *ImplicitValue);
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
  /// A range-for's range, as the frame holds it.
  struct LoopRange {
    std::string Text;
    bool IsArray = false;
  };
  /// `auto&& range = init;` in the frame; nothing after an error.
  std::optional<LoopRange> lowerLoopRange(const CXXForRangeStmt *For);
  /// The frame's begin and end iterators of \p Range: their names.
  std::pair<std::string, std::string>
  lowerLoopIterators(const CXXForRangeStmt *For, const LoopRange &Range);
  /// `for (decl : AWAIT_EACH(generator)) body`.
  void lowerAwaitEach(const CXXForRangeStmt *For, const CallExpr *Marker);
  void lowerSwitch(const SwitchStmt *Switch);
  void lowerTry(const CXXTryStmt *Try);
  /// The frame's slots of a try statement whose handlers suspend.
  struct HandlerSlots {
    /// The handlers that suspend, by index: they run after the statement.
    std::vector<unsigned> Deferred;
    /// The exception being handled, and which handler handles it.
    unsigned Caught = 0, Which = 0;
  };
  /// The try statement itself: its block, the handlers that do not suspend,
  /// and for each that does, one that keeps the exception.
  StepCode tryStatementCode(const CXXTryStmt *Try, const HandlerSlots &Slots);
  /// A suspending handler, run after the try statement when it caught.
  void lowerDeferredHandler(const CXXCatchStmt *Handler, unsigned Index,
                            const HandlerSlots &Slots);
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

  /// Ends the innermost block of step(): its locals go out of scope.
  StepBlock closeBlock(std::string *OutsideEntry = nullptr);

  // Text.
  std::string rewrite(const Stmt *S);
  std::string rewriteRange(ByteRange R, const Stmt *Root);
  /// Whose text an edit is made in.
  enum class EditScope {
    /// step()'s.
    Step,
    /// A lambda's body that stays in step().
    Lambda,
    /// A lambda moved into a factory (and the lambdas inside it): the
    /// user's names of frame locals are the factory's parameters.
    Factory,
  };
  void collectEdits(const Stmt *S, std::vector<Edit> &Out, EditScope Scope);
  /// The edit of \p S's text, if any.
  std::optional<Edit> editFor(const Stmt *S, EditScope Scope);
  // editFor()'s questions, asked in this order. Each returns whether it
  // decides \p S's edit, and sets \p Out to it (none after an error).
  /// A lambda moved into a factory: the factory's call.
  bool editForMovedLambda(const Stmt *S, EditScope Scope,
                          std::optional<Edit> &Out);
  /// `this` and implicit member uses in a member function: the object.
  bool editForObjectUse(const Stmt *S, std::optional<Edit> &Out);
  /// A temporary the full-expression keeps in the frame.
  bool editForTemporary(const Stmt *S, EditScope Scope,
                        std::optional<Edit> &Out);
  /// The parameter pack, in a type at class scope.
  bool editForPackInType(const Stmt *S, std::optional<Edit> &Out);
  /// A use of a structured binding or of a local kept in the frame.
  bool editForLocalUse(const Stmt *S, std::optional<Edit> &Out);
  /// `return`, and `goto` and `continue` that leave guarded locals.
  std::optional<Edit> editForJump(const Stmt *S);
  std::string splice(ByteRange Outer, std::vector<Edit> Edits,
                     EditScope Scope = EditScope::Step);
  /// The `decltype(...)` specifiers in the body, whose operands no edit
  /// of an expression reaches (they are in types).
  std::vector<std::pair<ByteRange, const Expr *>> Decltypes;
  void findDecltypes();
  /// What replaces `decltype(E)` in step(): for a local in the frame or
  /// one of its bindings, the type the user declared (the frame member's
  /// type differs); else E with the usual edits. Nothing if unchanged.
  std::optional<std::string> decltypeText(ByteRange R, const Expr *E,
                                          EditScope Scope);
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
  /// Plans a factory for each lambda that the analysis says cannot stay in
  /// step() (and that can move: Legality.h checked them).
  void planFactories();
  /// Registers the factory of one moved lambda, named after the variable it
  /// initializes.
  void planFactory(const LambdaUses &Uses);
  /// `static constexpr auto make_f = [](auto &x, ...) { return <lambda>; };`
  LambdaFactory factoryDefinition(const Factory &F);
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
  llvm::StringRef DefinitionHead;
  const TransformedLambdas &Nested;
  FrameModel Model;
  /// Where step()'s body is being written.
  StepWriter Step;
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
  bool Failed = false;
};

} // namespace awaitc

#endif
