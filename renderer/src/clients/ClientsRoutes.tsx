import { Suspense, useEffect } from 'react';
import { Center, Loader } from '@mantine/core';
import { Route, Switch } from 'wouter';
import { ClientListPage } from './list/ClientListPage';
import { ClientPage } from './page/ClientPage';
import { EditClientPage, NewClientPage, NotePage, prefetchClientScreens } from './lazy-pages';

/**
 * The client screens (they share the contract's schemas). The list and the client page come with this
 * chunk; the note editor and the client form load on demand (lazy-pages.ts).
 */
export function ClientsRoutes() {
  useEffect(() => prefetchClientScreens(), []);
  return (
    <Suspense
      fallback={
        <Center py="xl">
          <Loader aria-label="Loading" />
        </Center>
      }
    >
      <Switch>
        <Route path="/clients/new">
          <NewClientPage />
        </Route>
        <Route path="/clients/:clientId/notes/:noteId">
          {({ clientId, noteId }) => <NotePage key={noteId} clientId={clientId} noteId={noteId} />}
        </Route>
        <Route path="/clients/:id/edit">{({ id }) => <EditClientPage key={id} id={id} />}</Route>
        {/* The client's timeline, for links to a record that sits between sessions (a search result). */}
        <Route path="/clients/:id/sessions">{({ id }) => <ClientPage key={`${id}-sessions`} id={id} initialTab="sessions" />}</Route>
        <Route path="/clients/:id">{({ id }) => <ClientPage key={id} id={id} />}</Route>
        <Route>
          <ClientListPage />
        </Route>
      </Switch>
    </Suspense>
  );
}
