import { useState } from 'react';
import { ClassList } from '../components/ClassList';
import { DiagnosticsPanel } from '../components/DiagnosticsPanel';
import { Header } from '../components/Header';

export function ConsoleScreen() {
  const [diagnosticsOpen, setDiagnosticsOpen] = useState(false);
  return (
    <div className="console" data-testid="console-screen">
      <Header diagnosticsOpen={diagnosticsOpen} onToggleDiagnostics={() => setDiagnosticsOpen((open) => !open)} />
      <div className="console-body">
        <ClassList />
        {diagnosticsOpen && <DiagnosticsPanel onClose={() => setDiagnosticsOpen(false)} />}
      </div>
    </div>
  );
}
