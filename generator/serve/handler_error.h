// What a request gets when the server's own code throws while answering
// it: a 500 with one plain line, its partial answer dropped. The
// exception's text goes to the server's error log, never to the client
// (cpp-httplib, left to itself, sends it in an EXCEPTION_WHAT header).
// No request is known to make a handler throw: each is answered or
// refused first; this is what happens if one ever does.
#pragma once

#include <exception>
#include <string>

#include <httplib.h>

namespace dossier {

// Replaces `res` with the 500 answer and returns the line for the error
// log, naming the request and the exception (control characters escaped).
std::string answer_handler_error(const httplib::Request& req, httplib::Response& res,
                                 std::exception_ptr thrown);

}  // namespace dossier
