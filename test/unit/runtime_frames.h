// runtime_frames.h - hand-written coroutine frames for the runtime's tests.
//
// The awaitc tool turns an annotated function into a class derived from
// CoroFrame<T> whose step() is the body, re-entered through a switch on the
// state, with `if (suspend_at(N, awaiter)) return;` at each AWAIT and the
// awaiter kept in the frame. The tests write such frames by hand, as a
// lambda run by LambdaFrame:
//
//   Coro<void> c = coro<void>([i = 0, a = Await<SleepAwaiter>()](auto &f)
//                             mutable {
//     switch (f.state()) {
//     case 0:
//       for (i = 0; i < 3; ++i) {
//         if (f.await(1, a, awaitc::sleep(0))) return;   // AWAIT(sleep(0))
//     case 1:
//         a.resume();
//       }
//       f.return_void();
//     }
//   });
//
// The lambda's captures are the frame's members, so they live across
// suspensions.
#pragma once

#include <awaitc/awaitc.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace awaitc_test {

// An awaiter kept in the frame while the body waits on an expression of
// type E (a reference type for an lvalue).
template <class E> class Await {
public:
  using awaiter_type = awaitc::detail::awaiter_t<E>;

  template <class Expr> void emplace(Expr &&expr) {
    awaiter_.reset();
    awaiter_.emplace(awaitc::detail::get_awaiter(std::forward<Expr>(expr)));
  }
  awaiter_type &operator*() noexcept { return *awaiter_; }
  // The awaited result; the awaiter is destroyed afterwards, as at the end
  // of the AWAIT's full-expression.
  decltype(auto) resume() {
    struct Reset {
      std::optional<awaiter_type> &awaiter;
      ~Reset() { awaiter.reset(); }
    } reset{awaiter_};
    return awaiter_->await_resume();
  }

private:
  std::optional<awaiter_type> awaiter_;
};

template <class T, class Body>
class LambdaFrame final : public awaitc::detail::CoroFrame<T> {
public:
  explicit LambdaFrame(Body body) : body_(std::move(body)) {}

  int state() const noexcept { return this->awaitc_state_; }
  // Begins AWAIT(expr) at suspension point `state`; true: return from the
  // body now.
  template <class E, class Expr>
  bool await(int state, Await<E> &slot, Expr &&expr) {
    slot.emplace(std::forward<Expr>(expr));
    return this->awaitc_suspend_at(state, *slot);
  }
  template <class U> void return_value(U &&value) {
    awaitc::detail::CoroFrame<T>::awaitc_return_value(std::forward<U>(value));
  }
  void return_void() { awaitc::detail::CoroFrame<T>::awaitc_return_void(); }

private:
  void awaitc_step() override { body_(*this); }
  Body body_;
};

// `name` is what the report of a Coro never awaited shows (generated code
// passes the function's name).
template <class T, class Body>
awaitc::Coro<T> coro(Body body, const char *name = nullptr) {
  return awaitc::Coro<T>(
      std::make_unique<LambdaFrame<T, Body>>(std::move(body)), name);
}

// What the tests print, in order.
class Log {
public:
  void operator()(std::string line) { lines_.push_back(std::move(line)); }
  std::string str() const {
    std::string all;
    for (const std::string &line : lines_)
      all += (all.empty() ? "" : " ") + line;
    return all;
  }

private:
  std::vector<std::string> lines_;
};

inline awaitc::RunOptions virtual_time() {
  awaitc::RunOptions options;
  options.virtual_time = true;
  return options;
}

} // namespace awaitc_test
