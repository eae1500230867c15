import { Route, Switch } from 'wouter';
import { ClientListPage } from './list/ClientListPage';
import { ClientPage } from './page/ClientPage';
import { NotePage } from '../notes/NotePage';
import { EditClientPage, NewClientPage } from './form/ClientFormPages';

/** The client screens, loaded together on demand (they share the contract's schemas). */
export function ClientsRoutes() {
  return (
    <Switch>
      <Route path="/clients/new">
        <NewClientPage />
      </Route>
      <Route path="/clients/:clientId/notes/:noteId">
        {({ clientId, noteId }) => <NotePage key={noteId} clientId={clientId} noteId={noteId} />}
      </Route>
      <Route path="/clients/:id/edit">{({ id }) => <EditClientPage key={id} id={id} />}</Route>
      <Route path="/clients/:id">{({ id }) => <ClientPage key={id} id={id} />}</Route>
      <Route>
        <ClientListPage />
      </Route>
    </Switch>
  );
}
