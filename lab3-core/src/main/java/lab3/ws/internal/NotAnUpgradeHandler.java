package lab3.ws.internal;

import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers an HTTP request that is not a WebSocket upgrade (a browser, curl) with {@code 426 Upgrade
 * Required} and one line saying what this server is.
 */
public final class NotAnUpgradeHandler extends Handler.Abstract.NonBlocking {
  static final String BODY =
      "This is a WebSocket PMU: connect to ws://host:port/ and send CMD_short:d or CMD_floodme.\n";

  private final Consumer<String> log;

  /**
   * A handler that reports each refused request to {@code log}.
   *
   * @param log the log
   */
  public NotAnUpgradeHandler(Consumer<String> log) {
    this.log = log;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    log.accept(
        Request.getRemoteAddr(request)
            + " "
            + request.getMethod()
            + " "
            + request.getHttpURI().getPath()
            + " without a WebSocket upgrade -> 426");
    response.setStatus(426);
    response.getHeaders().put(HttpHeader.UPGRADE, "websocket");
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    Content.Sink.write(response, true, BODY, callback);
    return true;
  }
}
