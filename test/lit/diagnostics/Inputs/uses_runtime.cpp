// Mentions the runtime's types, but annotates nothing: not a coroutine.
#include <awaitc/awaitc.h>

#include <utility>

awaitc::Coro<int> forward(awaitc::Coro<int> c) { return std::move(c); }
awaitc::Task<int> start(awaitc::Coro<int> c) {
  return awaitc::create_task(std::move(c));
}
int	main()  {   return 0; }  	
