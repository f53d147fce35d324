import { useEffect, useState } from 'react';
import { api } from './api.js';
import { DossierExport } from './features/dossier/DossierExport.js';

/** Sections of DESIGN §8; only the Library exists so far, the others arrive with their features. */
export function Sidebar({ articleCount }: { articleCount: number | null }) {
  const version = useVersion();
  return (
    <nav className="sidebar" aria-label="Sections">
      <div className="brand">
        <span className="brand-name">Aqiqat</span>
        <span className="brand-tag">Offline archive</span>
      </div>
      <ul className="sections">
        <li>
          <button type="button" className="section is-current" aria-current="page">
            <span>Library</span>
            {articleCount !== null && <span className="count">{articleCount}</span>}
          </button>
        </li>
      </ul>
      <DossierExport />
      <p className="sidebar-foot">
        <span className="offline-dot" aria-hidden="true" /> Works offline{version && <> · v{version}</>}
      </p>
    </nav>
  );
}

function useVersion(): string | null {
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    // The version is decoration: if the call fails, the footer simply omits it.
    api()
      .archiveInfo({})
      .then((info) => setVersion(info.version))
      .catch(() => undefined);
  }, []);
  return version;
}
