//===- Definitions.cpp - The text of an annotated definition --------------===//
//
// See Definitions.h.
//
//===----------------------------------------------------------------------===//
#include "find/Definitions.h"

#include "support/LineDirectives.h"

#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"

using namespace clang;

namespace awaitc {

/// The text of the macro invocation that spells the annotation at
/// \p Loc and nothing else (`AWAITC_ASYNC`, or a macro whose whole body
/// is such a macro's name), to drop from the output. Nothing when that
/// invocation is itself part of a macro that spells more of the head
/// (`#define ASYNC_INT AWAITC_ASYNC awaitc::Coro<int>`): the head is then
/// kept as written, and the annotation with it, which does nothing in the
/// generated code.
static std::optional<ByteRange>
annotationMacro(SourceLocation Loc, const SourceText &Src, Preprocessor &PP) {
  const SourceManager &SM = Src.sourceManager();
  const LangOptions &LO = Src.langOptions();
  std::optional<CharSourceRange> Last;
  const IdentifierInfo *Inner = nullptr;
  while (Loc.isMacroID() && !SM.isMacroArgExpansion(Loc)) {
    CharSourceRange Invocation = SM.getImmediateExpansionRange(Loc);
    SourceLocation NameLoc = Invocation.getBegin();
    Token Name;
    if (Lexer::getRawToken(SM.getSpellingLoc(NameLoc), Name, SM, LO))
      break;
    IdentifierInfo *II = PP.getIdentifierInfo(Name.getRawIdentifier());
    const MacroInfo *Info =
        PP.getMacroDefinitionAtLoc(II, SM.getExpansionLoc(NameLoc))
            .getMacroInfo();
    if (!Info || Info->isFunctionLike())
      break;
    ArrayRef<Token> Body = Info->tokens();
    bool OnlyAnnotation;
    if (!Inner) {
      // `__attribute__((...))` or `[[...]]`, and nothing after it.
      int Depth = 0;
      OnlyAnnotation =
          !Body.empty() &&
          (Body.front().is(tok::l_square) ||
           (Body.front().getIdentifierInfo() &&
            Body.front().getIdentifierInfo()->isStr("__attribute__")));
      for (size_t I = 0; OnlyAnnotation && I < Body.size(); ++I) {
        if (Body[I].isOneOf(tok::l_paren, tok::l_square))
          ++Depth;
        else if (Body[I].isOneOf(tok::r_paren, tok::r_square))
          --Depth;
        if (Depth == 0 && I > 0 && I + 1 < Body.size())
          OnlyAnnotation = false;
      }
    } else {
      OnlyAnnotation =
          Body.size() == 1 && Body.front().getIdentifierInfo() == Inner;
    }
    if (!OnlyAnnotation)
      break;
    Last = Invocation;
    Inner = II;
    Loc = NameLoc;
  }
  if (!Last || !Last->getBegin().isFileID() || !Last->getEnd().isFileID())
    return std::nullopt;
  return Src.range(SourceRange(Last->getBegin(), Last->getEnd()));
}

static bool isSpace(char C) { return isspace(static_cast<unsigned char>(C)); }

std::optional<DefinitionText> definitionText(const AnnotatedFunction &F,
                                             const SourceText &Src,
                                             Preprocessor &PP,
                                             Diagnoser &Diag) {
  const FunctionDecl &FD = *F.Function;
  auto Whole = Src.range(F.sourceRange());
  auto Body = Src.range(FD.getBody()->getSourceRange());
  if (!Whole || !Body) {
    Diag.error(FD.getLocation(), "awaitc cannot rewrite this function: its "
                                 "definition is not contiguous text in this "
                                 "file (is it produced by a macro?)");
    return std::nullopt;
  }
  ByteRange Head{Whole->Begin, Body->Begin};
  std::optional<ByteRange> Annotation;
  if (const AnnotateAttr *A = annotationAttr(FD)) {
    SourceLocation Loc = A->getLocation();
    if (Loc.isMacroID())
      Annotation = annotationMacro(Loc, Src, PP);
    else
      Annotation = Src.range(A->getRange());
  }
  if (Annotation && Annotation->Begin < Head.Begin)
    Head.Begin = Annotation->Begin;
  // The annotation and the white space after it go.
  if (Annotation)
    while (Annotation->End < Head.End && isSpace(Src.buffer()[Annotation->End]))
      ++Annotation->End;
  while (Head.End > Head.Begin && isSpace(Src.buffer()[Head.End - 1]))
    --Head.End;
  std::vector<Edit> Drop;
  if (Annotation && Head.contains(*Annotation))
    Drop.push_back({*Annotation, ""});
  return DefinitionText{{Head.Begin, Body->End},
                        lineMark(Src.line(Head.Begin)) +
                            Src.splice(Head, Drop)};
}

} // namespace awaitc
