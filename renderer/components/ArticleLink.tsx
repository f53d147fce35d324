/** An article's title as a link that opens it (at a fact, if given), followed by its publication date. */
export function ArticleLink({
  article,
  onOpen,
}: {
  article: { title: string; publishedAt: string | null };
  onOpen: () => void;
}) {
  return (
    <>
      <a
        href="#"
        className="link"
        onClick={(e) => {
          e.preventDefault();
          onOpen();
        }}
      >
        {article.title}
      </a>
      {article.publishedAt && (
        <>
          ,{' '}
          <time className="nowrap" dateTime={article.publishedAt}>
            {article.publishedAt}
          </time>
        </>
      )}
    </>
  );
}
