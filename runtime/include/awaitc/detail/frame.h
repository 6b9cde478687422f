// awaitc/detail/frame.h - the contract between generated code and the runtime.
//
// `awaitc` turns every annotated function into a class derived from
// CoroFrame<T>, GeneratorFrame<T> or AsyncGeneratorFrame<T>. The generated
// class holds the parameters and the locals that live across a suspension,
// and implements awaitc_step(): the user's body, re-entered at the
// suspension point recorded in `awaitc_state_`. Everything in this header is
// what that generated code calls; it is not meant for hand-written code, and
// its names may change between releases together with the tool.
//
// Resumption protocol (single-threaded, like asyncio):
//   - awaitc_step() runs the body until it suspends (awaitc_suspend_at()
//     returned true, awaitc_step() returned with awaitc_suspending_ set) or
//     finishes (awaitc_step() returned normally or threw).
//   - The frames of one task form a chain: the root frame, the frame it
//     awaits (AWAIT(coro)), the frame that one awaits, and so on. A frame
//     that awaits a coroutine does not run the child's awaitc_step() itself:
//     the awaiter's await_suspend() hands the child over
//     (awaitc_await_child()) and the frame suspends, so that its
//     awaitc_step() returns first.
//   - awaitc_resume() is a trampoline, the equivalent of C++20's symmetric
//     transfer: it runs the current frame's awaitc_step(); if the frame
//     suspended by awaiting a child, it goes on with the child; if the frame
//     finished (returned or threw: the exception is kept for the awaiter), it
//     goes on with the frame that awaits it; it returns when a frame suspends
//     on something outside the chain (a sleep, a task...) or when the
//     outermost frame finished, after notifying that frame's continuation
//     (the task that owns it). However deep the chain, the C stack holds one
//     awaitc_step() at a time, and the order of events is that of running
//     the child inline: the child starts at once, the awaiter resumes as soon
//     as the child finishes.
//   - A suspended chain is destroyed innermost frame first (destroy_frame()),
//     without recursion: the awaiter that owns a child is the last object
//     its frame constructed before suspending, so the frame's destruction
//     would begin with the child's anyway.
//   - An async generator's frame (AsyncGeneratorFrame) joins the chain of
//     the frame that awaits its next() and leaves it again at each YIELD:
//     a frame that suspends with awaitc_mark_yielded() is resumed by its
//     awaiter's next() later, so resume() goes on with the awaiter as if
//     the frame had finished. Such a frame is "borrowed": the generator
//     object owns it, not the awaiter, so destroying the awaiting chain
//     detaches it (with the frames it awaits) and leaves its destruction to
//     the generator object, in the order of the owner's locals.
//
// Locals that live across suspensions are members of the generated class
// whose lifetime the generated code manages by hand: constructed with
// placement new at their declaration, destroyed at scope exit by a
// LocalGuard on the awaitc_step() stack (which also covers exceptions), and,
// for a frame destroyed while suspended, by the generated class's
// destructor, which knows statically which locals are alive at each state.
// Nothing the body still needs after a suspension may live on the
// awaitc_step() stack: the awaitc_step() of a frame that awaits a coroutine
// has returned before the coroutine's body runs.
#pragma once

#include <awaitc/detail/structured_binding.h>

#include <cstddef>
#include <exception>
#include <memory>
#include <new>
#include <stdexcept>
#include <tuple>
#include <type_traits>
#include <utility>

namespace awaitc {

// The frame of an async function that awaits, as an awaiter's
// await_suspend() receives it (the awaitable protocol: awaitable.h). Opaque:
// an awaiter passes it on to AwaiterBase::suspend() and does nothing else
// with it.
class Frame {
protected:
  Frame() noexcept = default;
  ~Frame() = default;
};

namespace detail {

class TaskBase;

// Whoever waits for the outermost frame of a chain to finish: the task
// whose root it is. (A frame that awaits another is resumed by
// FrameBase::awaitc_resume() directly.)
class Continuation {
public:
  virtual void awaitc_on_child_done() = 0;

protected:
  ~Continuation() = default;
};

// What every generated frame has: the state it resumes at, and awaitc_step().
class StepFrame {
public:
  StepFrame() = default;
  StepFrame(const StepFrame &) = delete;
  StepFrame &operator=(const StepFrame &) = delete;

  bool awaitc_done() const noexcept { return awaitc_state_ == awaitc_finished; }
  bool awaitc_started() const noexcept { return awaitc_state_ != awaitc_start; }

  // True while awaitc_step() is unwinding because the body suspended: guards on
  // the awaitc_step() stack must then leave the frame's locals alive.
  bool awaitc_suspending() const noexcept { return awaitc_suspending_; }

protected:
  ~StepFrame() = default;

  static constexpr int awaitc_start = 0;
  static constexpr int awaitc_finished = -1;

  virtual void awaitc_step() = 0;

  // Runs awaitc_step(); returns true if the body suspended, false if it finished.
  // An exception that ends the body propagates and leaves the frame done.
  bool awaitc_run_step() {
    try {
      awaitc_step();
    } catch (...) {
      awaitc_end_by_exception();
      throw;
    }
    return awaitc_end_step();
  }

  // After awaitc_step() returned: true if the body suspended; otherwise the frame
  // is done.
  bool awaitc_end_step() noexcept {
    if (awaitc_suspending_) {
      awaitc_suspending_ = false;
      return true;
    }
    awaitc_state_ = awaitc_finished;
    return false;
  }
  // After awaitc_step() threw: the frame is done.
  void awaitc_end_by_exception() noexcept {
    awaitc_state_ = awaitc_finished;
    awaitc_suspending_ = false;
  }

  void awaitc_mark_suspended(int state) noexcept {
    awaitc_state_ = state;
    awaitc_suspending_ = true;
  }

  int awaitc_state_ = awaitc_start;

private:
  bool awaitc_suspending_ = false;
};

// Where a frame's body is: the user's file, line and function, as the
// generated frame records them (null file: not known).
struct SourceLine {
  const char *file;
  unsigned line;
  const char *function;
};

class FrameBase;

// Deletes a frame and the chain of frames it awaits, innermost first,
// without recursion (see the protocol above). Every owner of a frame that
// may be suspended deletes it through this.
void destroy_frame(FrameBase *frame) noexcept;

struct FrameDeleter {
  void operator()(FrameBase *frame) const noexcept { destroy_frame(frame); }
};

class FrameBase : public StepFrame, public Frame {
public:
  virtual ~FrameBase() = default;

  // Runs this frame and the chain it belongs to, until a frame suspends on
  // something outside the chain or the outermost frame finishes (see the
  // protocol above). The outermost frame's continuation may destroy it.
  void awaitc_resume();

  TaskBase *awaitc_task() const noexcept { return awaitc_task_; }
  // The frame this one awaits (AWAIT(coro)) while it does, or null.
  FrameBase *awaitc_awaited() const noexcept {
    return awaitc_child_ ? *awaitc_child_ : nullptr;
  }
  // Where the body is suspended (at its head if it has not started): the
  // generated frame overrides this with the line of each suspension point
  // (Task::print_stack()).
  virtual SourceLine awaitc_where() const noexcept {
    return {nullptr, 0, nullptr};
  }
  void awaitc_set_task(TaskBase *task) noexcept { awaitc_task_ = task; }
  // Who is told when this frame finishes, if no frame awaits it.
  void awaitc_set_continuation(Continuation *next) noexcept {
    awaitc_continuation_ = next;
  }

  // Called by an awaiter's await_suspend(*this) that returns true: this
  // frame awaits the frame `*owner`, which awaitc_resume() runs next (it must not
  // have started) in this frame's task; this frame resumes when that one
  // finishes. `owner` is where the awaiter keeps the child; it must stay
  // put until the child has finished or been destroyed, and is set to null
  // if the chain is destroyed while suspended (the child is then gone).
  void awaitc_await_child(FrameBase *&owner) noexcept {
    FrameBase &child = *owner;
    child.awaitc_task_ = awaitc_task_;
    child.awaitc_awaiter_ = this;
    awaitc_child_ = &owner;
  }

protected:
  // An async generator's frame (see the protocol above).
  void awaitc_mark_borrowed() noexcept { awaitc_borrowed_ = true; }
  // The body suspended at a YIELD: the awaiter resumes now.
  void awaitc_mark_yielded() noexcept { awaitc_yielded_ = true; }

  // Called by the generated body at a suspension point. Returns true if the
  // body must return from awaitc_step() now (it will be resumed at
  // `state`), false if it continues at once (the awaitable was ready).
  template <class Awaiter> bool awaitc_suspend_at(int state, Awaiter &awaiter) {
    if (awaiter.await_ready())
      return false;
    if (!awaiter.await_suspend(*this))
      return false;
    awaitc_mark_suspended(state);
    return true;
  }

  std::exception_ptr awaitc_exception_;

private:
  friend void destroy_frame(FrameBase *frame) noexcept;

  // Runs awaitc_step() once; an exception that ends the body is kept for the
  // awaiter. Returns true if the body suspended.
  bool awaitc_step_once() noexcept {
    try {
      awaitc_step();
    } catch (...) {
      awaitc_end_by_exception();
      awaitc_exception_ = std::current_exception();
      return false;
    }
    return awaitc_end_step();
  }

  FrameBase *awaitc_awaiter_ = nullptr; // the frame that awaits this one
  FrameBase **awaitc_child_ = nullptr;  // owner of the frame this one awaits
  Continuation *awaitc_continuation_ = nullptr;
  TaskBase *awaitc_task_ = nullptr;
  bool awaitc_borrowed_ = false;
  bool awaitc_yielded_ = false;
};

inline void FrameBase::awaitc_resume() {
  FrameBase *frame = this;
  for (;;) {
    if (frame->awaitc_step_once()) {
      if (frame->awaitc_child_) {
        frame = *frame->awaitc_child_;
        continue;
      }
      if (!frame->awaitc_yielded_)
        return; // waits for something outside the chain
      frame->awaitc_yielded_ = false; // back to the awaiter of next()
    }
    FrameBase *awaiter = frame->awaitc_awaiter_;
    if (!awaiter) {
      if (Continuation *next = frame->awaitc_continuation_)
        next->awaitc_on_child_done(); // may destroy *frame
      return;
    }
    awaiter->awaitc_child_ = nullptr;
    if (frame->awaitc_borrowed_)
      frame->awaitc_awaiter_ = nullptr;
    frame = awaiter;
  }
}

inline void destroy_frame(FrameBase *frame) noexcept {
  if (!frame)
    return;
  FrameBase *innermost = frame;
  while (innermost->awaitc_child_) {
    FrameBase *child = *innermost->awaitc_child_;
    if (child->awaitc_borrowed_) {
      // Its owner destroys it (and the frames it awaits) later.
      child->awaitc_awaiter_ = nullptr;
      innermost->awaitc_child_ = nullptr;
      break;
    }
    innermost = child;
  }
  while (innermost != frame) {
    FrameBase *awaiter = innermost->awaitc_awaiter_;
    // The awaiter's owner of the child lets go: destroying `awaiter` later
    // finds it empty.
    *awaiter->awaitc_child_ = nullptr;
    awaiter->awaitc_child_ = nullptr;
    delete innermost;
    innermost = awaiter;
  }
  delete frame;
}

// Storage for the value returned by an async function.
template <class T> class ResultSlot {
public:
  ResultSlot() noexcept {}
  ~ResultSlot() {
    if (has_value_)
      value_.~T();
  }
  template <class U> void set(U &&value) {
    ::new (static_cast<void *>(std::addressof(value_))) T(std::forward<U>(value));
    has_value_ = true;
  }
  bool has_value() const noexcept { return has_value_; }
  T take() { return std::move(value_); }

private:
  union {
    T value_;
  };
  bool has_value_ = false;
};

template <class T> class ResultSlot<T &> {
public:
  void set(T &value) noexcept { value_ = std::addressof(value); }
  bool has_value() const noexcept { return value_ != nullptr; }
  T &take() noexcept { return *value_; }

private:
  T *value_ = nullptr;
};

template <> class ResultSlot<void> {
public:
  void set() noexcept { has_value_ = true; }
  bool has_value() const noexcept { return has_value_; }
  void take() noexcept {}

private:
  bool has_value_ = false;
};

// Base of the frame of an annotated function returning Coro<T>.
template <class T> class CoroFrame : public FrameBase {
public:
  // The awaited result: the returned value, or the exception that ended
  // the body, rethrown.
  T awaitc_take_result() {
    if (awaitc_exception_)
      std::rethrow_exception(awaitc_exception_);
    return awaitc_result_.take();
  }
  [[noreturn]] void awaitc_flowed_off_end() {
    // Flowing off the end of a coroutine that returns a value is undefined
    // behaviour in C++20; awaitc makes it an error at the AWAIT instead.
    throw std::logic_error("awaitc: an async function that returns a value "
                           "ended without a return statement");
  }
  bool awaitc_has_exception() const noexcept { return awaitc_exception_ != nullptr; }
  std::exception_ptr awaitc_exception() const noexcept { return awaitc_exception_; }

protected:
  template <class U> void awaitc_return_value(U &&value) {
    awaitc_result_.set(std::forward<U>(value));
  }
  void awaitc_return_void() { awaitc_result_.set(); }

private:
  ResultSlot<T> awaitc_result_;
};

// Base of the frame of an annotated function returning Generator<T>. The
// body records where each yielded value is; the value (or the temporary
// holding it) stays alive until the generator is resumed.
template <class T> class GeneratorFrame : public StepFrame {
public:
  using awaitc_value_type = std::remove_cv_t<std::remove_reference_t<T>>;
  using awaitc_reference = std::conditional_t<std::is_reference_v<T>, T, T &>;

  virtual ~GeneratorFrame() = default;

  // Runs to the next YIELD; returns false at the end. Rethrows what the
  // body threw.
  bool awaitc_advance() {
    if (awaitc_done())
      return false;
    awaitc_current_ = nullptr;
    return awaitc_run_step();
  }
  awaitc_reference awaitc_current() const noexcept {
    return static_cast<awaitc_reference>(*awaitc_current_);
  }

protected:
  // YIELD(value): the generated body records the value, then returns from
  // awaitc_step().
  void awaitc_yield_at(int state, std::remove_reference_t<T> &value) noexcept {
    awaitc_current_ = std::addressof(value);
    awaitc_mark_suspended(state);
  }

private:
  std::remove_reference_t<T> *awaitc_current_ = nullptr;
};

// Base of the frame of an annotated function returning AsyncGenerator<T>:
// an async function (it awaits in its awaiter's task) whose body also
// yields. Each YIELD records where the value is; the awaiter of next()
// moves it out before the body resumes (async_generator.h).
template <class T> class AsyncGeneratorFrame : public FrameBase {
  static_assert(!std::is_reference_v<T>,
                "awaitc: async generators of references are not supported");

public:
  using awaitc_value_type = T;

  AsyncGeneratorFrame() noexcept { this->awaitc_mark_borrowed(); }

  bool awaitc_has_value() const noexcept { return awaitc_current_ != nullptr; }
  // The yielded value, moved out; the body may resume afterwards.
  T awaitc_take_value() {
    T *value = std::exchange(awaitc_current_, nullptr);
    return std::move(*value);
  }
  // The exception that ended the body, once.
  std::exception_ptr awaitc_take_exception() noexcept {
    return std::exchange(awaitc_exception_, nullptr);
  }
  // Whether an awaiter's next() is running the body now (asyncio's
  // ag_running).
  bool awaitc_running() const noexcept { return awaitc_running_; }
  void awaitc_set_running(bool running) noexcept { awaitc_running_ = running; }

protected:
  // YIELD(value): the generated body records the value, then returns from
  // awaitc_step().
  void awaitc_yield_at(int state, T &value) noexcept {
    awaitc_current_ = std::addressof(value);
    awaitc_mark_suspended(state);
    awaitc_mark_yielded();
  }

private:
  T *awaitc_current_ = nullptr;
  bool awaitc_running_ = false;
};

// --- Lifetime helpers used by generated code -------------------------------

// Names any type in a declarator position (arrays, function pointers).
template <class T> using identity_t = T;

// Address to placement-new a hoisted local into (works for const objects and
// for types that overload operator&).
template <class T> void *storage_of(T &object) noexcept {
  return const_cast<void *>(
      static_cast<const volatile void *>(std::addressof(object)));
}

// Destroys an object the way leaving its scope would: arrays element by
// element in reverse order.
template <class T> void destroy_object(T &object) noexcept {
  if constexpr (std::is_array_v<T>) {
    for (std::size_t i = std::extent_v<T>; i-- > 0;)
      destroy_object(object[i]);
  } else {
    object.~T();
  }
}

// The same for a temporary whose destruction is trivial (no guard).
template <class T, class Make> T &&keep_temporary(T &slot, Make &&make) {
  ::new (storage_of(slot)) T(std::forward<Make>(make)());
  return static_cast<T &&>(slot);
}

// What a reference kept across a suspension binds when the value category
// of its initializer e depends on a template parameter: for a prvalue (R
// not a reference) the temporary whose life the reference extends, for an
// lvalue or an xvalue (R a reference) that object. The generated code
// constructs a ReferenceBinding<decltype((e))>{e}, so that a prvalue
// initializes the temporary itself, never a copy or a move of it.
template <class R> struct ReferenceBinding {
  R object;
  std::remove_reference_t<R> *address() noexcept {
    return std::addressof(object);
  }
};
template <class R> struct ReferenceBinding<R &> {
  R &object;
  R *address() const noexcept { return std::addressof(object); }
};
template <class R> struct ReferenceBinding<R &&> {
  R &&object;
  R *address() const noexcept { return std::addressof(object); }
};

// Owns a hoisted local while awaitc_step() runs inside the local's scope: destroys
// it when that scope is left by any path (fall-through, break, continue,
// return, goto, exception), but not when the body suspends. Declared at the
// start of the scope, disarmed; the generated code arms it right after the
// local is constructed, and when awaitc_step() re-enters the scope on resumption.
template <class T> class LocalGuard {
public:
  LocalGuard(const StepFrame &frame, T &object) noexcept
      : frame_(frame), object_(object) {}
  LocalGuard(const LocalGuard &) = delete;
  LocalGuard &operator=(const LocalGuard &) = delete;
  ~LocalGuard() {
    if (armed_ && !frame_.awaitc_suspending())
      destroy_object(object_);
  }
  void arm() noexcept { armed_ = true; }
  // Constructs a temporary of the full-expression being evaluated in the
  // frame (so that it outlives a suspension), where it stands in the
  // expression; returns it as the temporary it replaces.
  template <class Make> T &&keep(Make &&make) {
    ::new (storage_of(object_)) T(std::forward<Make>(make)());
    armed_ = true;
    return static_cast<T &&>(object_);
  }
  // Destroys the local before its scope ends (a backward goto past its
  // declaration).
  void destroy() noexcept {
    if (armed_)
      destroy_object(object_);
    armed_ = false;
  }

private:
  const StepFrame &frame_;
  T &object_;
  bool armed_ = false;
};

// Owns a temporary of an operand of ?:, && or || that C++ may not
// evaluate. Whether it was constructed is known only at run time, so the
// frame holds that as a flag, which survives suspensions and tells the
// frame's destructor whether to destroy the temporary. Otherwise a
// LocalGuard.
template <class T> class ConditionalGuard {
public:
  ConditionalGuard(const StepFrame &frame, T &object, bool &alive) noexcept
      : frame_(frame), object_(object), alive_(alive) {}
  ConditionalGuard(const ConditionalGuard &) = delete;
  ConditionalGuard &operator=(const ConditionalGuard &) = delete;
  ~ConditionalGuard() {
    if (!frame_.awaitc_suspending())
      destroy();
  }
  void arm() noexcept { alive_ = true; }
  template <class Make> T &&keep(Make &&make) {
    ::new (storage_of(object_)) T(std::forward<Make>(make)());
    alive_ = true;
    return static_cast<T &&>(object_);
  }
  void destroy() noexcept {
    if (alive_)
      destroy_object(object_);
    alive_ = false;
  }

private:
  const StepFrame &frame_;
  T &object_;
  bool &alive_;
};

} // namespace detail
} // namespace awaitc
