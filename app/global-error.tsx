"use client";

/**
 * The last resort, when even the root layout failed: it replaces the whole document, so it has
 * no translations and no stylesheet. Both languages are shown; styles are attributes (allowed by
 * the CSP's style-src-attr).
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <html lang="zh-CN">
      <body style={{ margin: 0, fontFamily: "system-ui, sans-serif", background: "#f1f5f9" }}>
        <title>出错了 · Something went wrong</title>
        <main
          role="alert"
          style={{
            maxWidth: "32rem",
            margin: "5rem auto",
            padding: "1.5rem",
            background: "#fff",
            border: "1px solid #e2e8f0",
            borderRadius: "0.5rem",
            color: "#0f172a",
            textAlign: "center",
          }}
        >
          <h1 style={{ fontSize: "1.25rem", margin: 0 }}>页面出错了</h1>
          <p style={{ fontSize: "0.875rem" }}>
            服务可能短暂不可用（例如数据库正在重启）；已保存的内容不会丢失。请稍后重试。
          </p>
          <h2 lang="en" style={{ fontSize: "1.125rem", margin: "1.5rem 0 0" }}>
            Something went wrong
          </h2>
          <p lang="en" style={{ fontSize: "0.875rem" }}>
            The service may be briefly unavailable (for example while the database restarts);
            nothing you had saved is lost. Please try again shortly.
          </p>
          {digest ? <p style={{ fontSize: "0.75rem", color: "#475569" }}>{digest}</p> : null}
          <button
            type="button"
            onClick={() => retry()}
            style={{
              marginTop: "0.5rem",
              padding: "0.5rem 1rem",
              border: 0,
              borderRadius: "0.375rem",
              background: "#1d4ed8",
              color: "#fff",
              cursor: "pointer",
            }}
          >
            重试 · Try again
          </button>
        </main>
      </body>
    </html>
  );
}
