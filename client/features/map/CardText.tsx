import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Block, InlineRun } from '../../../shared/richText.js';

/** Static rendering of a card: cheap enough for hundreds of cards, unlike one editor per card. */
function Runs({ runs }: { runs: InlineRun[] }) {
  return (
    <>
      {runs.map((run, i) => {
        let node = <>{run.text === '\n' ? <br /> : run.text}</>;
        if (run.italic) node = <em>{node}</em>;
        if (run.bold) node = <strong>{node}</strong>;
        return <Fragment key={i}>{node}</Fragment>;
      })}
    </>
  );
}

function Blocks({ blocks }: { blocks: Block[] }) {
  return (
    <>
      {blocks.map((block, i) => {
        if (block.type === 'paragraph') return <p key={i}>{block.runs.length ? <Runs runs={block.runs} /> : <br />}</p>;
        const List = block.type === 'bulletList' ? 'ul' : 'ol';
        return (
          <List key={i}>
            {block.items.map((item, j) => (
              <li key={j}>
                <Blocks blocks={item} />
              </li>
            ))}
          </List>
        );
      })}
    </>
  );
}

export function CardText({ id, blocks, plainText }: { id: string; blocks: Block[]; plainText: string }) {
  const { t } = useTranslation();
  return (
    <div id={id} className="card-text" data-testid="card.text">
      {plainText ? <Blocks blocks={blocks} /> : <p className="card-empty">{t('card.emptyText')}</p>}
    </div>
  );
}
