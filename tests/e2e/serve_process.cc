// Starting and stopping `dossier serve`, and raw HTTP requests.
#include "e2e/serve_process.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

namespace dossier::e2e {

ServeProcess::ServeProcess(const fs::path& site, const std::vector<std::string>& extra) {
  std::vector<std::string> args = {DOSSIER_BINARY, "serve", "-d", site.string(), "--port", "0"};
  args.insert(args.end(), extra.begin(), extra.end());
  pid_ = start_command(fs::current_path(), args, io_ / "stdout", io_ / "stderr");
  // "dossier: serving SITE at http://HOST:PORT/"
  for (int i = 0; i < 200 && port_ == 0; ++i) {
    std::string said = messages();
    size_t at = said.find(" at http://");
    size_t colon = at == std::string::npos ? at : said.find(':', at + 11);
    size_t slash = colon == std::string::npos ? colon : said.find('/', colon);
    if (slash != std::string::npos) {
      host_ = said.substr(at + 11, colon - at - 11);
      port_ = std::stoi(said.substr(colon + 1, slash - colon - 1));
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  EXPECT_GT(port_, 0) << "no start line: " << messages();
}

ServeProcess::~ServeProcess() {
  if (pid_ > 0) stop(SIGKILL);
}

int ServeProcess::stop(int signal) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, signal);
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string ServeProcess::access_log() const {
  return read_file(io_ / "stdout");
}
std::string ServeProcess::messages() const {
  return read_file(io_ / "stderr");
}

namespace {

// Whether `answer` holds a whole response: its head and Content-Length bytes.
bool complete_response(const std::string& answer) {
  size_t head = answer.find("\r\n\r\n");
  if (head == std::string::npos) return false;
  const std::string field = "\r\nContent-Length: ";
  size_t length = answer.find(field);
  if (length == std::string::npos || length > head) return false;  // read until the server closes
  return answer.size() >= head + 4 + std::stoul(answer.substr(length + field.size()));
}

}  // namespace

std::string raw_http(int port, const std::string& request) {
  int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval timeout{5, 0};
  ::setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::string answer;
  if (::connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    ::send(s, request.data(), request.size(), MSG_NOSIGNAL);
    char buffer[65536];
    for (ssize_t n; !complete_response(answer) && (n = ::recv(s, buffer, sizeof buffer, 0)) > 0;)
      answer.append(buffer, static_cast<size_t>(n));
  }
  ::close(s);
  return answer;
}

}  // namespace dossier::e2e
