//===- StepBody.cpp -------------------------------------------------------===//
#include "lower/StepBody.h"

namespace awaitc {

StepCode::StepCode(std::string Text) {
  if (!Text.empty())
    Pieces.push_back(std::move(Text));
}

StepCode::StepCode(StepBlock Block)
    : Pieces{std::make_shared<const StepBlock>(std::move(Block))} {}

StepCode::StepCode(Suspension Point) : Pieces{std::move(Point)} {}

StepCode &StepCode::operator+=(const StepCode &More) {
  for (const StepPiece &Piece : More.Pieces) {
    const auto *Text = std::get_if<std::string>(&Piece);
    if (std::string *Last = trailingText(); Text && Last)
      *Last += *Text;
    else
      Pieces.push_back(Piece);
  }
  return *this;
}

std::string *StepCode::trailingText() {
  return Pieces.empty() ? nullptr : std::get_if<std::string>(&Pieces.back());
}

} // namespace awaitc
