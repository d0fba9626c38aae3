import { render } from 'preact';
import './styles/theme.css';
import { App } from './app/App';
import { restore } from './app/session';

const root = document.getElementById('app')!;
void restore().finally(() => {
  root.textContent = '';
  render(<App />, root);
});
